package org.helpline.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.helpline.storage.InProcessSignals;
import org.jboss.resteasy.reactive.server.jaxrs.SseImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Streams over in-process signals, with a keep-alive far beyond the test's patience: every read
 * after the first comes from a signal.
 */
class EventStreamsTest {

  private static final Duration PATIENCE = Duration.ofSeconds(10);

  private final InProcessSignals signals = new InProcessSignals();
  private final EventStreams streams = new EventStreams(signals, Duration.ofHours(1));

  @AfterEach
  void close() {
    streams.close();
    signals.close();
  }

  @Test
  void aChangeSignalledDuringTheFirstReadBringsAnotherRead() throws InterruptedException {
    // The first read misses a change stored while it runs; the change's signal must be heard.
    CountDownLatch reads = new CountDownLatch(2);
    streams.stream(SseImpl.INSTANCE, List.of("conversation:one"), () -> {
      reads.countDown();
      if (reads.getCount() == 1) {
        signals.publish("conversation:one");
      }
      return List.of();
    }).subscribe().with(e -> { });

    assertTrue(reads.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS),
        "a read after the signal");
  }
}
