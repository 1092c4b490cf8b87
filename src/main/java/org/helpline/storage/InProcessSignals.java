package org.helpline.storage;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.jboss.logging.Logger;

/**
 * Signals within one process: the embedded database serves one instance, so nothing has to
 * travel further. Listeners run on one daemon thread, in the order signals were published.
 */
public final class InProcessSignals implements Signals {

  private static final Logger LOG = Logger.getLogger(InProcessSignals.class);

  private final Map<String, Set<Runnable>> listeners = new ConcurrentHashMap<>();
  private final ExecutorService dispatch = Executors.newSingleThreadExecutor(r -> DaemonThreads.named(r, "helpline-signals"));

  @Override
  public void publish(String topic) {
    Signals.checkTopic(topic);
    Set<Runnable> wanting = listeners.get(topic);
    if (wanting == null || wanting.isEmpty()) {
      return;
    }
    try {
      dispatch.execute(() -> wanting.forEach(InProcessSignals::run));
    } catch (RejectedExecutionException e) {
      // Closed: nobody is listening any more.
    }
  }

  @Override
  public Subscription subscribe(String topic, Runnable listener) {
    return subscribe(listeners, topic, listener);
  }

  @Override
  public void close() {
    dispatch.shutdownNow();
    listeners.clear();
  }

  /**
   * Adds a listener to its topic's set in {@code listeners} and answers the subscription that
   * takes it out again, dropping a set that becomes empty. The set is joined inside the map's
   * {@code compute}: joined after it, a listener could land in a set that the close of the
   * topic's last other listener had just dropped from the map, and never hear a signal.
   *
   * @throws IllegalArgumentException if the topic is not one ({@link Signals#checkTopic})
   */
  static Subscription subscribe(Map<String, Set<Runnable>> listeners, String topic,
      Runnable listener) {
    Signals.checkTopic(topic);
    Objects.requireNonNull(listener, "listener");
    listeners.compute(topic, (t, set) -> {
      Set<Runnable> joined = set == null ? ConcurrentHashMap.newKeySet() : set;
      joined.add(listener);
      return joined;
    });
    return () -> listeners.computeIfPresent(topic, (t, set) -> {
      set.remove(listener);
      return set.isEmpty() ? null : set;
    });
  }

  /** Runs one listener; a failing listener never stops the others. */
  static void run(Runnable listener) {
    try {
      listener.run();
    } catch (RuntimeException e) {
      LOG.warnf("a signal listener failed: %s", e.toString());
    }
  }
}
