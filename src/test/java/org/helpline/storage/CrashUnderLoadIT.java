package org.helpline.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.helpline.support.ChatLoad;
import org.helpline.support.PackagedApp;
import org.helpline.support.TranscriptCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What the service acknowledged survives a crash. The packaged application runs as a child
 * process under concurrent conversations over real HTTP; at a random moment it is killed with
 * SIGKILL (no shutdown hook, no graceful stop, as in an out-of-memory kill), started again on
 * the same database, and the load goes on; ten rounds. Afterwards every turn answered with
 * HTTP 200 is stored exactly once and in order, every conversation an acknowledged handoff or
 * escalation passed on is in the nurses' queue exactly once, and the database opened every
 * time. On the embedded H2 files and on PostgreSQL ({@code HELPLINE_TEST_POSTGRES_URL}, its
 * own schema). Runs with {@code ./mvnw verify} (failsafe, after package).
 */
class CrashUnderLoadIT {

  private static final int PORT = 18082;
  private static final int ROUNDS = 10;
  private static final int CONVERSATIONS = 16;
  private static final Path DIR = Path.of("target", "crash-it");
  private static final String SCHEMA = "helpline_crash";

  private PackagedApp running;

  @AfterEach
  void stop() throws InterruptedException {
    if (running != null && running.isAlive()) {
      running.stop();
    }
  }

  /** Where the application keeps its data, and how to read it afterwards. */
  private interface Database {

    Map<String, String> environment();

    Map<String, String> properties();

    Connection open() throws SQLException;
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void everyAcknowledgedTurnSurvivesSigkill(String kind) throws Exception {
    Path dir = DIR.resolve(kind);
    PackagedApp.clean(dir);
    Database database = kind.equals("h2") ? h2(dir.resolve("data")) : postgres();
    long seed = System.nanoTime();
    Random random = new Random(seed);

    running = launch(dir, database, 0);
    ChatLoad load = new ChatLoad(running.base(), Path.of("intents"), 20, 10);
    load.start(CONVERSATIONS);
    List<Integer> acknowledgedAtKill = new ArrayList<>();
    for (int round = 1; round <= ROUNDS; round++) {
      int before = load.acks().size();
      Thread.sleep(1_500 + random.nextInt(3_500));
      running.kill();
      int atKill = load.acks().size();
      assertTrue(atKill > before + 10, "round " + round + ": too little load before the kill ("
          + (atKill - before) + " turns)");
      acknowledgedAtKill.add(atKill);
      running = launch(dir, database, round);
    }
    Thread.sleep(3_000);
    load.stop();
    int status = running.stop();
    assertTrue(status == 0 || status == 143, "exit status after SIGTERM: " + status);

    List<ChatLoad.Ack> acks = load.acks();
    long passedOn = acks.stream().filter(ChatLoad.Ack::queued)
        .map(ChatLoad.Ack::conversationId).distinct().count();
    System.out.println("crash under load (" + kind + ", seed " + seed + "): " + ROUNDS
        + " SIGKILLs, acknowledged by each kill " + acknowledgedAtKill + ", in all "
        + acks.size() + " turns (" + passedOn + " conversations passed to the nurses), sent "
        + load.sent() + ", not acknowledged " + load.failures());
    assertTrue(acks.stream().noneMatch(a -> a.turn() == 0),
        "a turn was answered without being stored");
    assertTrue(passedOn > 0, "no acknowledged handoff to check");
    try (Connection db = database.open()) {
      List<String> problems = TranscriptCheck.problems(db, acks);
      assertEquals(List.of(), problems.stream().limit(20).toList(),
          kind + " (seed " + seed + "): " + problems.size() + " problems in " + acks.size()
          + " acknowledged turns");
    }
  }

  private static PackagedApp launch(Path dir, Database database, int round)
      throws IOException, InterruptedException {
    return PackagedApp.start(PORT, dir.resolve("app-" + round + ".log"),
        database.environment(), database.properties());
  }

  private static Database h2(Path data) {
    return new Database() {
      @Override
      public Map<String, String> environment() {
        return Map.of();
      }

      @Override
      public Map<String, String> properties() {
        return Map.of("helpline.storage.data-dir", data.toAbsolutePath().toString());
      }

      @Override
      public Connection open() throws SQLException {
        return TranscriptCheck.h2(data);
      }
    };
  }

  /** PostgreSQL on a schema of its own, emptied first. */
  private static Database postgres() throws SQLException {
    String url = System.getenv(TestDatabases.POSTGRES_URL_ENV);
    assumeTrue(url != null, TestDatabases.POSTGRES_URL_ENV + " is not set");
    PGSimpleDataSource server = new PGSimpleDataSource();
    server.setURL(url);
    try (Connection c = server.getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      s.execute("CREATE SCHEMA " + SCHEMA);
    }
    String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    String user = server.getUser() == null ? System.getProperty("user.name") : server.getUser();
    String password = server.getPassword() == null ? "" : server.getPassword();
    PGSimpleDataSource schema = new PGSimpleDataSource();
    schema.setURL(schemaUrl);
    return new Database() {
      @Override
      public Map<String, String> environment() {
        return Map.of("QUARKUS_PROFILE", "prod,postgresql", "HELPLINE_DATABASE_URL", schemaUrl,
            "HELPLINE_DATABASE_USER", user, "HELPLINE_DATABASE_PASSWORD", password);
      }

      @Override
      public Map<String, String> properties() {
        return Map.of();
      }

      @Override
      public Connection open() throws SQLException {
        return schema.getConnection();
      }
    };
  }
}
