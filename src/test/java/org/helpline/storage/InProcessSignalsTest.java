package org.helpline.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.helpline.storage.Signals.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Signals within one process. Listeners run on another thread, so each test ends with a signal
 * on a topic of its own ("done") and waits for it: signals run in order, so every signal before
 * it has run too.
 */
class InProcessSignalsTest {

  private static final Duration PATIENCE = Duration.ofSeconds(10);

  private final InProcessSignals signals = new InProcessSignals();
  private final AtomicInteger done = new AtomicInteger();

  @AfterEach
  void close() {
    signals.close();
  }

  @Test
  void publishReachesTheSubscribersOfThatTopicOnly() {
    AtomicInteger queue = new AtomicInteger();
    AtomicInteger queueAgain = new AtomicInteger();
    AtomicInteger content = new AtomicInteger();
    signals.subscribe("queue", queue::incrementAndGet);
    signals.subscribe("queue", queueAgain::incrementAndGet);
    signals.subscribe("content", content::incrementAndGet);
    signals.subscribe("done", done::incrementAndGet);

    signals.publish("queue");
    signals.publish("nobody-listens");
    signals.publish("done");

    await(() -> done.get() == 1, "the last signal");
    assertEquals(1, queue.get());
    assertEquals(1, queueAgain.get());
    assertEquals(0, content.get());
  }

  @Test
  void aClosedSubscriptionStopsItsListener() {
    AtomicInteger stopped = new AtomicInteger();
    AtomicInteger kept = new AtomicInteger();
    Subscription subscription = signals.subscribe("queue", stopped::incrementAndGet);
    signals.subscribe("queue", kept::incrementAndGet);
    signals.subscribe("done", done::incrementAndGet);
    signals.publish("queue");
    signals.publish("done");
    await(() -> done.get() == 1, "the first round");

    subscription.close();
    subscription.close();
    signals.publish("queue");
    signals.publish("done");

    await(() -> done.get() == 2, "the second round");
    assertEquals(1, stopped.get());
    assertEquals(2, kept.get());
  }

  @Test
  void aFailingListenerDoesNotStopTheOthers() {
    AtomicInteger kept = new AtomicInteger();
    signals.subscribe("queue", () -> {
      throw new IllegalStateException("this listener always fails");
    });
    signals.subscribe("queue", kept::incrementAndGet);

    signals.publish("queue");
    signals.publish("queue");

    await(() -> kept.get() == 2, "both signals at the listener that works");
  }

  @Test
  void aListenerJoiningAsTheTopicsLastOtherLeavesStaysSubscribed() {
    // The other listener leaves right after the joiner looks its topic up, as another thread
    // may: the joiner must not land in a set that leaving dropped from the map.
    Subscription[] leaving = new Subscription[1];
    Map<String, Set<Runnable>> listeners = new ConcurrentHashMap<>() {
      @Override
      public Set<Runnable> computeIfAbsent(String topic,
          Function<? super String, ? extends Set<Runnable>> making) {
        return leaveAfter(super.computeIfAbsent(topic, making));
      }

      @Override
      public Set<Runnable> compute(String topic,
          BiFunction<? super String, ? super Set<Runnable>, ? extends Set<Runnable>> joining) {
        return leaveAfter(super.compute(topic, joining));
      }

      private Set<Runnable> leaveAfter(Set<Runnable> found) {
        Subscription s = leaving[0];
        leaving[0] = null;
        if (s != null) {
          s.close();
        }
        return found;
      }
    };
    Runnable joiner = () -> { };
    leaving[0] = InProcessSignals.subscribe(listeners, "queue", () -> { });

    InProcessSignals.subscribe(listeners, "queue", joiner);

    assertTrue(leaving[0] == null, "the other listener left");
    assertEquals(Set.of(joiner), listeners.get("queue"));
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
