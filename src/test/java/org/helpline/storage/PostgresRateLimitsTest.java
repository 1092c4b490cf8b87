package org.helpline.storage;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.helpline.conversation.RateLimitedException;
import org.helpline.conversation.RateLimits;
import org.helpline.conversation.SenderKeys;
import org.helpline.support.LogCapture;
import org.helpline.support.OpenedResources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Rate limits shared through PostgreSQL: two {@link RateLimits}, each with its own pool, stand
 * for two instances of the application over one database. The tests that need a server run
 * when HELPLINE_TEST_POSTGRES_URL is set (see README, Tests), on a schema of their own.
 */
class PostgresRateLimitsTest {

  private static final String SCHEMA = "helpline_rate_limits_test";
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final SenderKeys KEYS =
      new SenderKeys("a key every instance shares".getBytes(StandardCharsets.UTF_8));

  private final OpenedResources opened = new OpenedResources();
  private final String conversation = UUID.randomUUID().toString();
  private final String sender = HexFormat.of().formatHex(
      UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)).substring(0, 64);

  @AfterEach
  void closeAll() throws Exception {
    opened.closeAll();
  }

  @Test
  @EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_ENV, matches = ".+")
  void twoInstancesCountAgainstOneBucket() throws Exception {
    DataSource first = TestDatabases.postgres(SCHEMA);
    RateLimits a = limits(first, Duration.ofHours(1), 3, 100, 4);
    RateLimits b = limits(TestDatabases.postgresAgain(SCHEMA), Duration.ofHours(1), 3, 100, 4);

    // A conversation of three messages a period, its messages reaching either instance.
    a.take(conversation, "10.0.0.1", null);
    b.take(conversation, "10.0.0.1", null);
    a.take(conversation, "10.0.0.1", null);
    assertThrows(RateLimitedException.class, () -> b.take(conversation, "10.0.0.1", null));
    assertThrows(RateLimitedException.class, () -> a.take(conversation, "10.0.0.1", null));

    // A messaging sender's flood, sent to both instances at once: four messages, no more.
    ExecutorService pool = Executors.newFixedThreadPool(8);
    int taken = 0;
    try {
      List<Future<Boolean>> sent = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        RateLimits instance = i % 2 == 0 ? a : b;
        sent.add(pool.submit(() -> {
          try {
            instance.take(null, null, sender);
            return true;
          } catch (RateLimitedException e) {
            return false;
          }
        }));
      }
      for (Future<Boolean> f : sent) {
        taken += f.get() ? 1 : 0;
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(4, taken);
    assertEquals(List.of("a:", "c:", "s:"), ids(first).stream().map(id -> id.substring(0, 2))
        .sorted().toList());
  }

  @Test
  @EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_ENV, matches = ".+")
  void aRefusedMessageCostsTheOtherSharedBucketsNothing() throws SQLException {
    DataSource first = TestDatabases.postgres(SCHEMA);
    RateLimits a = limits(first, Duration.ofHours(1), 2, 3, 2);
    RateLimits b = limits(TestDatabases.postgresAgain(SCHEMA), Duration.ofHours(1), 2, 3, 2);
    String address = "192.0.2.44";

    a.take(conversation, address, null);
    b.take(conversation, address, null);
    // The conversation is over its rate; the address's token is given back, on both.
    assertThrows(RateLimitedException.class, () -> a.take(conversation, address, null));
    b.take(UUID.randomUUID().toString(), address, null);
    assertThrows(RateLimitedException.class,
        () -> a.take(UUID.randomUUID().toString(), address, null));
    // Another address is not affected.
    b.take(UUID.randomUUID().toString(), "192.0.2.45", null);

    List<String> ids = ids(first);
    assertTrue(ids.contains("c:" + conversation), ids.toString());
    assertTrue(ids.contains("a:" + KEYS.keyOf("rate-limit-client-address", address)),
        ids.toString());
    assertTrue(ids.stream().noneMatch(id -> id.contains("192.0.2")),
        "no address is stored as it is: " + ids);
  }

  @Test
  @EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_ENV, matches = ".+")
  void bucketsFullAgainAreDeletedAndBusyOnesKept() throws SQLException {
    DataSource first = TestDatabases.postgres(SCHEMA);
    PostgresRateLimitBuckets quickBuckets = new PostgresRateLimitBuckets(first, KEYS);
    RateLimits quick = opened(new RateLimits(true, Duration.ofMillis(300), 5, 5, 5,
        quickBuckets));
    RateLimits slow = limits(TestDatabases.postgresAgain(SCHEMA), Duration.ofHours(1), 5, 5, 5);
    String busy = UUID.randomUUID().toString();
    slow.take(busy, null, null);
    for (int i = 0; i < 50; i++) {
      quick.take(UUID.randomUUID().toString(), "198.51.100." + i, null);
    }
    assertEquals(101, quickBuckets.size());

    await(() -> {
      quick.forgetIdle();
      return quickBuckets.size() == 1;
    }, "the quiet keys' rows to be deleted");
    slow.forgetIdle();
    assertEquals(List.of("c:" + busy), ids(first));
  }

  @Test
  void anUnreachableDatabaseLetsMessagesThroughAndLogsNoKey() {
    PGSimpleDataSource nowhere = new PGSimpleDataSource();
    nowhere.setURL("jdbc:postgresql://127.0.0.1:1/helpline");
    nowhere.setLoginTimeout(1);
    RateLimits limits = opened(new RateLimits(true, Duration.ofHours(1), 1, 1, 1,
        new PostgresRateLimitBuckets(nowhere, KEYS)));
    List<String> logged;
    try (LogCapture capture = LogCapture.start()) {
      for (int i = 0; i < 3; i++) {
        assertDoesNotThrow(() -> limits.take(conversation, "203.0.113.9", sender));
      }
      assertDoesNotThrow(limits::forgetIdle);
      logged = capture.lines().stream().filter(l -> l.contains("rate limits")).toList();
    }
    assertFalse(logged.isEmpty(), "the failure is logged");
    for (String line : logged) {
      for (String key : List.of(conversation, "203.0.113.9", sender)) {
        assertFalse(line.contains(key), "no key in: " + line);
      }
    }
  }

  /** One instance's limits, on its own pool. */
  private RateLimits limits(DataSource pool, Duration period, long perConversation,
      long perAddress, long perSender) {
    return opened(new RateLimits(true, period, perConversation, perAddress, perSender,
        new PostgresRateLimitBuckets(pool, KEYS)));
  }

  private <T extends AutoCloseable> T opened(T closeable) {
    return opened.add(closeable);
  }

  private static List<String> ids(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT id FROM rate_limit_bucket ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      List<String> ids = new ArrayList<>();
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
      return ids;
    }
  }

  /** Waits until the condition holds, failing after a generous deadline. */
  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    assertTrue(condition.getAsBoolean(), "waited " + PATIENCE + " for " + what);
  }
}
