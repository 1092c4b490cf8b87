package org.helpline.conversation;

/**
 * What the turn pipeline counts for monitoring: turns by channel and action, and handoffs
 * that joined the nurses' queue. Ids and words never become labels.
 */
public interface TurnMetrics {

  /** A turn was taken (not a replayed delivery). */
  void turnTaken(String channel, String action);

  /** A conversation joined the nurses' queue for {@code reason}. */
  void handoffOpened(String reason);

  /** Counts nothing (tests and benchmarks that build the service by hand). */
  static TurnMetrics none() {
    return new TurnMetrics() {
      @Override
      public void turnTaken(String channel, String action) {
      }

      @Override
      public void handoffOpened(String reason) {
      }
    };
  }
}
