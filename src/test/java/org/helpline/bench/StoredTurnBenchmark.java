package org.helpline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.helpline.config.HelplineSettings;
import org.helpline.content.ContentSource;
import org.helpline.conversation.BotHolder;
import org.helpline.conversation.ChatMessage;
import org.helpline.conversation.ChatOutcome;
import org.helpline.conversation.ConversationService;
import org.helpline.conversation.SenderKeys;
import org.helpline.storage.JdbcConversationStore;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: one stored turn without HTTP, as the chat endpoint runs it: ConversationService with the
 * real pipeline and JdbcConversationStore on an embedded H2 file database (the default
 * setting), conversations of eight turns. Set against {@link PipelineBenchmark}, it shows what
 * persistence costs per turn (docs/benchmarks.md, "Load").
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class StoredTurnBenchmark {

  private Path data;
  private JdbcConnectionPool pool;
  private ConversationService service;
  private String[] messages;
  private int next;
  private String conversation;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path project = Path.of("").toAbsolutePath();
    BotHolder bots = new BotHolder();
    bots.swap(HelplineSettings.botFactory().build(ContentSource.directory(project)));
    data = Files.createTempDirectory("stored-turn");
    pool = JdbcConnectionPool.create("jdbc:h2:file:" + data.resolve("helpline")
        + ";LOCK_TIMEOUT=10000", "helpline", "helpline");
    pool.setMaxConnections(4);
    Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
    service = new ConversationService(bots, new JdbcConversationStore(pool), Clock.systemUTC(),
        1000, Duration.ofMinutes(30), SenderKeys.random());
    messages = PipelineBenchmark.messages(project);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    pool.dispose();
    try (var files = Files.walk(data)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }

  /** One turn, stored: a new conversation every eight turns. */
  @Benchmark
  public ChatOutcome storedTurn() {
    String text = messages[next];
    next = next + 1 == messages.length ? 0 : next + 1;
    ChatOutcome outcome = service.handle(ChatMessage.web(next % 8 == 0 ? null : conversation,
        text, null, null));
    conversation = outcome.conversationId();
    return outcome;
  }
}
