package org.helpline.staff.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.helpline.config.HelplineSettings;
import org.helpline.content.ContentException;
import org.helpline.content.ContentSource;
import org.helpline.conversation.BotFactory;
import org.helpline.conversation.BotHolder;
import org.helpline.storage.InProcessSignals;
import org.helpline.storage.Signals;
import org.helpline.support.OpenedResources;
import org.helpline.support.PostgresTestSignals;
import org.helpline.support.RealBot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reload on one instance switches every instance: two reloaders, each with its own running
 * bot (two instances), over one content directory and one set of signals (in process, and
 * through PostgreSQL when HELPLINE_TEST_POSTGRES_URL is set). The other instance reloads on a
 * thread of its own, so tests wait for it, with a generous deadline.
 */
class ContentReloadEveryInstanceTest {

  private static final String POSTGRES_URL_ENV = "HELPLINE_TEST_POSTGRES_URL";
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String OLD_TEXT = "Cytokines are proteins that your body makes naturally.";
  private static final String NEW_TEXT = "Cytokines are natural proteins made by your body.";

  private static BotFactory factory;

  @TempDir
  Path dir;

  private final OpenedResources opened = new OpenedResources();

  @BeforeAll
  static void factory() {
    factory = HelplineSettings.botFactory();
  }

  @AfterEach
  void closeAll() throws Exception {
    opened.closeAll();
  }

  /** One instance: its running bot, loaded at start from the directory, and its reloader. */
  private final class Instance {
    final BotHolder holder = new BotHolder();
    final List<String> swapped = new CopyOnWriteArrayList<>();
    final ContentReloader reloader;

    Instance(Optional<Path> content, Signals signals, String topic) {
      holder.swap(factory.build(content.isPresent() ? ContentSource.directory(content.get())
          : ContentSource.classpath(Thread.currentThread().getContextClassLoader())));
      reloader = opened(new ContentReloader(factory, holder, content,
          bot -> swapped.add(bot.content().version()), signals, topic));
      reloader.followOtherInstances();
    }

    String version() {
      return holder.current().orElseThrow().content().version();
    }
  }

  @Test
  void aReloadOnOneInstanceSwitchesTheOtherInProcess() throws IOException {
    CountingSignals signals = opened(new CountingSignals(new InProcessSignals()));
    aReloadOnOneInstanceSwitchesTheOther(signals, signals, ContentReloader.TOPIC);
  }

  @Test
  @EnabledIfEnvironmentVariable(named = POSTGRES_URL_ENV, matches = ".+")
  void aReloadOnOneInstanceSwitchesTheOtherThroughPostgres() throws IOException {
    // Other runs may share the server and its channel: this run's topic is its own.
    String topic = "test-" + UUID.randomUUID() + "/" + ContentReloader.TOPIC;
    CountingSignals a = opened(new CountingSignals(PostgresTestSignals.open()));
    CountingSignals b = opened(new CountingSignals(PostgresTestSignals.open()));
    aReloadOnOneInstanceSwitchesTheOther(a, b, topic);
  }

  private void aReloadOnOneInstanceSwitchesTheOther(CountingSignals signalsA,
      CountingSignals signalsB, String topic) throws IOException {
    RealBot.copyContentTo(dir);
    Instance a = new Instance(Optional.of(dir), signalsA, topic);
    Instance b = new Instance(Optional.of(dir), signalsB, topic);
    Instance packaged = new Instance(Optional.empty(), signalsB, topic);
    String before = a.version();
    assertEquals(before, b.version());

    // Broken content: refused, and no instance is told.
    Path dialog = dir.resolve("dialogs/cytokines.yml");
    String original = Files.readString(dialog, StandardCharsets.UTF_8);
    Files.writeString(dialog, original.replace("followUps: [",
        "followUps: [no_such_intent, "), StandardCharsets.UTF_8);
    assertThrows(ContentException.class, a.reloader::reload);
    assertEquals(0, published(signalsA, signalsB), "a refused reload is silent");

    Files.writeString(dialog, original.replace(OLD_TEXT, NEW_TEXT), StandardCharsets.UTF_8);
    String after = a.reloader.reload().version();
    assertNotEquals(before, after);
    assertEquals(after, a.version());

    await(() -> b.version().equals(after), "the other instance to switch");
    // The evaluation is told just after the swap, on the follower's thread.
    await(() -> !b.swapped.isEmpty(), "the other instance's evaluation to be told");
    assertEquals(List.of(after), List.copyOf(b.swapped), "the other instance's evaluation follows");
    // Both instances have heard the signal (A its own, finding nothing new) and finished.
    await(() -> a.reloader.followedReloads() >= 1 && b.reloader.followedReloads() >= 1,
        "both followed reloads to finish");
    assertEquals(List.of(after), List.copyOf(a.swapped),
        "A trained once, not again for its own signal");
    assertEquals(1, published(signalsA, signalsB), "followers never signal");
    assertEquals(0, packaged.reloader.followedReloads(), "packaged content ignores signals");
    assertEquals(List.of(), packaged.swapped);
  }

  /** Signals published by the two instances, which may share one signals object. */
  private static int published(CountingSignals a, CountingSignals b) {
    return a == b ? a.published() : a.published() + b.published();
  }


  private <T extends AutoCloseable> T opened(T closeable) {
    return opened.add(closeable);
  }

  /** Waits until the condition holds, failing after a generous deadline. */
  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    assertTrue(condition.getAsBoolean(), "waited " + PATIENCE + " for " + what);
  }

  /** Signals that count what this instance publishes. */
  private static final class CountingSignals implements Signals {
    private final Signals signals;
    private final AtomicInteger published = new AtomicInteger();

    CountingSignals(Signals signals) {
      this.signals = signals;
    }

    int published() {
      return published.get();
    }

    @Override
    public void publish(String topic) {
      published.incrementAndGet();
      signals.publish(topic);
    }

    @Override
    public Subscription subscribe(String topic, Runnable listener) {
      return signals.subscribe(topic, listener);
    }

    @Override
    public void close() {
      signals.close();
    }
  }
}
