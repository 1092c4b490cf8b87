package org.helpline.storage;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.helpline.support.CuttableTcpProxy;
import org.helpline.support.OpenedResources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Signals between two instances through a real PostgreSQL server: each instance is a
 * {@link PostgresSignals} with a pool and a listening connection of its own. Runs when
 * HELPLINE_TEST_POSTGRES_URL is set (.ci/run sets it; see README, Tests).
 *
 * <p>Listeners run on another thread, so tests wait for them, with a generous deadline. Other
 * runs may share the server and its channel, so every topic here is this run's own.
 */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_ENV, matches = ".+")
class PostgresSignalsTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final String run = "test-" + UUID.randomUUID() + "/";
  private final OpenedResources opened = new OpenedResources();

  @AfterEach
  void closeAll() throws Exception {
    opened.closeAll();
  }

  @Test
  void aSignalReachesBothInstancesOnItsTopicOnly() {
    PostgresSignals a = instance();
    PostgresSignals b = instance();
    AtomicInteger queueA = subscribed(a, "queue");
    AtomicInteger queueB = subscribed(b, "queue");
    AtomicInteger contentA = subscribed(a, "content");
    AtomicInteger contentB = subscribed(b, "content");
    AtomicInteger doneA = subscribed(a, "done");
    AtomicInteger doneB = subscribed(b, "done");

    // Each instance runs signals in the order they were sent, so once "done" has run on both,
    // so has everything sent before it.
    a.publish(run + "queue");
    a.publish(run + "done");
    await(() -> doneA.get() == 1 && doneB.get() == 1, "the signals from A");
    assertEquals(1, queueA.get());
    assertEquals(1, queueB.get());

    b.publish(run + "queue");
    b.publish(run + "done");
    await(() -> doneA.get() == 2 && doneB.get() == 2, "the signals from B");
    assertEquals(2, queueA.get());
    assertEquals(2, queueB.get());
    assertEquals(0, contentA.get());
    assertEquals(0, contentB.get());
  }

  @Test
  void aBurstEndsWithARunThatSeesTheLastChange() throws Exception {
    PostgresSignals a = instance();
    PostgresSignals b = instance();
    // The counter stands for the database: each publisher changes it, then signals; listeners
    // note the latest value they read. Runs may be fewer than signals, but one must come after
    // the last change.
    AtomicInteger changes = new AtomicInteger();
    AtomicInteger seenA = new AtomicInteger();
    AtomicInteger seenB = new AtomicInteger();
    AtomicInteger runsB = new AtomicInteger();
    a.subscribe(run + "queue", () -> seenA.accumulateAndGet(changes.get(), Math::max));
    b.subscribe(run + "queue", () -> {
      runsB.incrementAndGet();
      seenB.accumulateAndGet(changes.get(), Math::max);
    });

    int publishers = 4;
    int each = 250;
    ExecutorService pool = Executors.newFixedThreadPool(publishers);
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (int p = 0; p < publishers; p++) {
        sent.add(pool.submit(() -> {
          for (int i = 0; i < each; i++) {
            changes.incrementAndGet();
            a.publish(run + "queue");
          }
        }));
      }
      for (Future<?> f : sent) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }

    int last = publishers * each;
    await(() -> seenA.get() == last && seenB.get() == last, "runs that saw every change");
    assertTrue(runsB.get() >= 1 && runsB.get() <= last, runsB + " runs on B");
  }

  @Test
  void signalsOnManyTopicsAllArrive() {
    PostgresSignals a = instance();
    PostgresSignals b = instance();
    List<AtomicInteger> heard = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      heard.add(subscribed(b, "conversation/" + i));
    }

    for (int i = 0; i < 100; i++) {
      a.publish(run + "conversation/" + i);
    }

    await(() -> heard.stream().allMatch(h -> h.get() >= 1), "a run on every topic");
  }

  @Test
  void aSignalPublishedRightAfterSubscribingIsAlwaysHeard() throws Exception {
    PostgresSignals a = instance();
    PostgresSignals b = instance();
    ExecutorService leaving = Executors.newSingleThreadExecutor();
    try {
      for (int i = 0; i < 200; i++) {
        // Another stream of the topic closes meanwhile, as a reconnecting browser's old one does.
        Signals.Subscription other = b.subscribe(run + "chat/" + i, () -> { });
        Future<?> left = leaving.submit(other::close);
        AtomicInteger onA = subscribed(a, "chat/" + i);
        AtomicInteger onB = subscribed(b, "chat/" + i);
        (i % 2 == 0 ? a : b).publish(run + "chat/" + i);
        left.get();
        int round = i;
        await(() -> onA.get() >= 1 && onB.get() >= 1, "the signal of round " + round);
      }
    } finally {
      leaving.shutdown();
    }
  }

  @Test
  void aListenerThatSubscribedWhileTheConnectionWasDownCatchesUp() throws SQLException {
    PostgresSignals a = instance();
    PostgresSignals b = instance();
    for (int i = 0; i < 3; i++) {
      int killed = b.listeningPid();
      assertNotEquals(0, killed, "B listens");
      terminate(killed);
      await(() -> b.listeningPid() != killed, "B to notice");

      // Subscribed and signalled most likely while B does not listen (it waits 100 ms first).
      AtomicInteger heard = subscribed(b, "late/" + i);
      a.publish(run + "late/" + i);

      int round = i;
      await(() -> heard.get() >= 1, "the run after B listens again, round " + round);
    }
  }

  @Test
  void aKilledListeningConnectionIsMadeAgainAndEveryListenerRuns() throws SQLException {
    PostgresSignals a = instance();
    PostgresSignals b = instance();
    AtomicInteger queue = subscribed(b, "queue");
    AtomicInteger content = subscribed(b, "content");
    int killed = b.listeningPid();
    assertNotEquals(0, killed, "B listens");

    terminate(killed);

    // Nobody signalled, but signals may have been missed while B was not listening.
    await(() -> queue.get() >= 1 && content.get() >= 1, "every listener to run");
    assertEquals(1, queue.get());
    assertEquals(1, content.get());
    int again = b.listeningPid();
    assertNotEquals(0, again, "B listens again");
    assertNotEquals(killed, again, "on a new connection");

    a.publish(run + "queue");
    await(() -> queue.get() == 2, "a later signal");
    assertEquals(1, content.get());
  }

  @Test
  void aDatabaseOutageLosesNoChange() {
    URI server = URI.create(System.getenv(TestDatabases.POSTGRES_URL_ENV).substring(5));
    CuttableTcpProxy proxy = new CuttableTcpProxy(server.getHost(),
        server.getPort() < 0 ? 5432 : server.getPort());
    opened.add(proxy);
    DataSource proxied = unpooled("jdbc:postgresql://127.0.0.1:" + proxy.port()
        + server.getRawPath() + (server.getRawQuery() == null ? "" : "?" + server.getRawQuery()));
    PostgresSignals a = instance();
    PostgresSignals b = opened(new PostgresSignals(proxied, proxied));
    AtomicInteger queue = subscribed(b, "queue");
    assertNotEquals(0, b.listeningPid(), "B listens");

    proxy.cut();
    await(() -> b.listeningPid() == 0, "B to notice the outage");
    assertDoesNotThrow(() -> b.publish(run + "queue"), "a signal B cannot send");
    a.publish(run + "queue");
    proxy.restore();

    await(() -> queue.get() == 1, "the run after B listens again");
    a.publish(run + "queue");
    await(() -> queue.get() == 2, "a signal after the outage");
  }

  @Test
  void closeReleasesTheListeningConnectionPromptly() throws SQLException {
    PostgresSignals signals = instance();
    int pid = signals.listeningPid();
    assertNotEquals(0, pid, "listening");
    assertTrue(backendAlive(pid), "the listening connection is on the server");

    long started = System.nanoTime();
    signals.close();
    Duration closing = Duration.ofNanos(System.nanoTime() - started);

    assertTrue(closing.compareTo(Duration.ofMillis(1500)) < 0, "closed in " + closing);
    assertEquals(0, signals.listeningPid());
    await(() -> !backendAliveUnchecked(pid), "the server to end the listening connection");
  }

  @Test
  void aFailingListenerDoesNotStopTheOthers() {
    PostgresSignals a = instance();
    a.subscribe(run + "queue", () -> {
      throw new IllegalStateException("this listener always fails");
    });
    AtomicInteger queue = subscribed(a, "queue");

    a.publish(run + "queue");

    await(() -> queue.get() == 1, "the listener that works");
  }

  @Test
  void aTopicIsAtMostMaxTopicCharactersWithoutControlCharacters() {
    PostgresSignals a = instance();
    String longest = "t".repeat(Signals.MAX_TOPIC);
    for (String wrong : List.of(longest + "t", "queue\n", "queue\u0000", "\u0085")) {
      assertThrows(IllegalArgumentException.class, () -> a.publish(wrong));
      assertThrows(IllegalArgumentException.class, () -> a.subscribe(wrong, () -> { }));
    }
    assertThrows(IllegalArgumentException.class, () -> a.publish(null));

    AtomicInteger heard = new AtomicInteger();
    a.subscribe(longest, heard::incrementAndGet);
    a.publish(longest);
    await(() -> heard.get() >= 1, "a signal on the longest topic");
  }

  /** Counts the runs of a listener on this run's topic. */
  private AtomicInteger subscribed(PostgresSignals signals, String topic) {
    AtomicInteger runs = new AtomicInteger();
    signals.subscribe(run + topic, runs::incrementAndGet);
    return runs;
  }

  /** One instance: a pool of its own, and its listening connection outside it. */
  private PostgresSignals instance() {
    DataSource pool = TestDatabases.postgresAgain();
    if (pool instanceof AutoCloseable closeable) {
      opened.add(closeable);
    }
    return opened(new PostgresSignals(pool,
        unpooled(System.getenv(TestDatabases.POSTGRES_URL_ENV))));
  }

  private PostgresSignals opened(PostgresSignals signals) {
    opened.add(signals);
    return signals;
  }

  private static DataSource unpooled(String url) {
    PGSimpleDataSource plain = new PGSimpleDataSource();
    plain.setURL(url);
    if (plain.getUser() == null) {
      plain.setUser(System.getProperty("user.name"));
    }
    return plain;
  }

  /** Ends a server process, as an administrator or a failover would. */
  private static void terminate(int pid) throws SQLException {
    try (Connection c = unpooled(System.getenv(TestDatabases.POSTGRES_URL_ENV)).getConnection();
        PreparedStatement terminate = c.prepareStatement("SELECT pg_terminate_backend(?)")) {
      terminate.setInt(1, pid);
      try (ResultSet rs = terminate.executeQuery()) {
        assertTrue(rs.next() && rs.getBoolean(1), "terminated the listening connection");
      }
    }
  }

  private static boolean backendAlive(int pid) throws SQLException {
    try (Connection c = unpooled(System.getenv(TestDatabases.POSTGRES_URL_ENV)).getConnection();
        PreparedStatement find =
            c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE pid = ?")) {
      find.setInt(1, pid);
      try (ResultSet rs = find.executeQuery()) {
        rs.next();
        return rs.getInt(1) > 0;
      }
    }
  }

  private static boolean backendAliveUnchecked(int pid) {
    try {
      return backendAlive(pid);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits until the condition holds, failing after a generous deadline. */
  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    assertTrue(condition.getAsBoolean(), "waited " + PATIENCE + " for " + what);
  }
}
