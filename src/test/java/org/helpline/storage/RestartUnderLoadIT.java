package org.helpline.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.helpline.support.ChatLoad;
import org.helpline.support.PackagedApp;
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
  private static final Path DIR = Path.of("target", "restart-it");

  private final List<PackagedApp> started = new ArrayList<>();

  @AfterEach
  void stopAll() throws InterruptedException {
    for (PackagedApp app : started) {
      if (app.isAlive()) {
        app.stop();
      }
    }
  }

  private PackagedApp launch(int run) throws IOException, InterruptedException {
    PackagedApp app = PackagedApp.start(PORT, DIR.resolve("app-" + run + ".log"), Map.of(),
        Map.of("helpline.storage.data-dir", DIR.resolve("data").toAbsolutePath().toString()));
    started.add(app);
    return app;
  }

  /** Deletes the directory and everything in it, then creates it empty. */

  @Test
  void noAcknowledgedTurnIsLostAcrossARestart() throws Exception {
    PackagedApp.clean(DIR);
    PackagedApp first = launch(1);
    ChatLoad load = new ChatLoad(first.base(), Path.of("intents"), 20, 50);
    load.start(24);
    Thread.sleep(5_000);
    int beforeStop = load.acks().size();
    int status = first.stop();
    assertTrue(status == 0 || status == 143, "exit status after SIGTERM: " + status);
    int duringStop = load.acks().size();

    PackagedApp second = launch(2);
    Thread.sleep(5_000);
    load.stop();
    status = second.stop();
    assertTrue(status == 0 || status == 143, "exit status after SIGTERM: " + status);

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
