package org.helpline.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.helpline.support.ChatLoad;
import org.helpline.support.TranscriptCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Restart under load loses no acknowledged turn. The packaged application (prod profile,
 * embedded H2 files under target/) runs as a child process with concurrent conversations
 * over real HTTP; it is stopped with SIGTERM in the middle of the load (graceful shutdown),
 * started again on the same data while the conversations keep trying, and afterwards every
 * turn that was answered with HTTP 200 must be in the database exactly once, in order.
 * Runs with {@code ./mvnw verify} (failsafe, after package).
 */
class RestartUnderLoadIT {

  private static final int PORT = 18081;
  private static final String BASE = "http://127.0.0.1:" + PORT;
  private static final Path DIR = Path.of("target", "restart-it");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopAll() throws InterruptedException {
    for (Process p : started) {
      p.destroy();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  private Process launch(int run) throws IOException, InterruptedException {
    String jar = System.getProperty("quarkus-app.jar", "target/quarkus-app/quarkus-run.jar");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-Xmx256m",
        "-Dquarkus.http.port=" + PORT,
        "-Dhelpline.storage.data-dir=" + DIR.resolve("data").toAbsolutePath(),
        // One client address sends every conversation here: no per-address limit.
        "-Dhelpline.rate-limit.enabled=false",
        "-jar", jar)
        .redirectErrorStream(true)
        .redirectOutput(DIR.resolve("app-" + run + ".log").toFile())
        .start();
    started.add(p);
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      assertTrue(p.isAlive(), "the application exited; see " + DIR.resolve("app-" + run
          + ".log"));
      if (ready()) {
        return p;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("not ready within 90 s; see " + DIR.resolve("app-" + run + ".log"));
  }

  private static boolean ready() throws InterruptedException {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/q/health/ready"))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  private static void clean() throws IOException {
    if (Files.exists(DIR)) {
      try (Stream<Path> all = Files.walk(DIR)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(DIR);
  }

  @Test
  void noAcknowledgedTurnIsLostAcrossARestart() throws Exception {
    clean();
    Process first = launch(1);
    ChatLoad load = new ChatLoad(BASE, Path.of("intents"), 20, 50);
    load.start(24);
    Thread.sleep(5_000);
    int beforeStop = load.acks().size();
    first.destroy();
    assertTrue(first.waitFor(60, TimeUnit.SECONDS), "no graceful stop within 60 s");
    assertTrue(first.exitValue() == 0 || first.exitValue() == 143,
        "exit status after SIGTERM: " + first.exitValue());
    int duringStop = load.acks().size();

    Process second = launch(2);
    Thread.sleep(5_000);
    load.stop();
    second.destroy();
    assertTrue(second.waitFor(60, TimeUnit.SECONDS), "no graceful stop within 60 s");

    List<ChatLoad.Ack> acks = load.acks();
    System.out.println("restart under load: acknowledged before the stop=" + beforeStop
        + ", by the end of the stop=" + duringStop + ", in all=" + acks.size() + ", sent="
        + load.sent() + ", not acknowledged=" + load.failures());
    assertTrue(beforeStop > 10, "too little load before the stop: " + beforeStop);
    assertTrue(acks.size() > duringStop + 10, "too little load after the restart: "
        + (acks.size() - duringStop));
    assertTrue(acks.stream().noneMatch(a -> a.turn() == 0),
        "a turn was answered without being stored");
    try (Connection db = TranscriptCheck.h2(DIR.resolve("data"))) {
      List<String> problems = TranscriptCheck.problems(db, acks);
      assertEquals(List.of(), problems.stream().limit(20).toList(),
          problems.size() + " problems in " + acks.size() + " acknowledged turns");
    }
  }
}
