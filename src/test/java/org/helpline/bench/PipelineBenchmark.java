package org.helpline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.helpline.config.HelplineSettings;
import org.helpline.content.ContentSource;
import org.helpline.conversation.HelplineBot;
import org.helpline.conversation.Utterance;
import org.helpline.dialog.ConversationState;
import org.helpline.dialog.Turn;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: one turn of the pipeline without HTTP or storage, as ConversationService runs it:
 * safety screen, classification, dialog engine, on the real content and model. The messages
 * are the development and safety sets (varied, realistic, typos included), taken in turn, each
 * continuing the state the previous turn left (docs/benchmarks.md).
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class PipelineBenchmark {

  private HelplineBot bot;
  private String[] messages;
  private int next;
  private ConversationState state;
  private final Instant now = Instant.parse("2026-11-24T11:00:00Z");
  private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path project = Path.of("").toAbsolutePath();
    bot = HelplineSettings.botFactory().build(ContentSource.directory(project));
    messages = messages(project);
    state = ConversationState.start(now);
  }

  /** The development and safety sets' messages, in file order. */
  static String[] messages(Path project) throws IOException {
    List<String> all = new ArrayList<>();
    for (String dir : List.of("src/test/resources/development", "src/test/resources/safety")) {
      try (Stream<Path> files = Files.list(project.resolve(dir))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
          Files.readAllLines(file).stream().map(String::strip)
              .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(all::add);
        }
      }
    }
    return all.toArray(String[]::new);
  }

  /** One turn: screen, classify, decide. */
  @Benchmark
  public Turn turn() {
    String text = messages[next];
    next = next + 1 == messages.length ? 0 : next + 1;
    Turn turn = bot.respond(state, Utterance.typed(text), clock).turn();
    // A new conversation every 10 turns, so the state stays realistic.
    state = next % 10 == 0 ? ConversationState.start(now) : turn.state();
    return turn;
  }
}
