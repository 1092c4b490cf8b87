package org.helpline.storage;

/**
 * Tells every instance that something changed in the database: a conversation has new live
 * chat events, the nurses' queue changed, new content was published. The database is the
 * record; a signal carries only a topic that says where to look, so a listener that missed
 * signals loses nothing: it reads again.
 *
 * <p>On PostgreSQL signals travel through the database itself ({@code LISTEN/NOTIFY}) and
 * reach every instance; on the embedded database there is one instance and they stay in
 * process.
 */
public interface Signals extends AutoCloseable {

  /** The longest topic, in characters (PostgreSQL's NOTIFY payload limit is far above it). */
  int MAX_TOPIC = 120;

  /**
   * Tells every instance, this one included, that something under the topic changed. Call it
   * after the change has committed. Never throws: a signal that cannot be sent is logged, and
   * listeners find the change the next time they read.
   */
  void publish(String topic);

  /**
   * Runs the listener after each signal on the topic, on any instance, and also whenever
   * signals may have been missed (after the connection that carries them was lost and made
   * again). Every signal published after this returns reaches the listener, or is followed by
   * such a catch-up run: so a reader that subscribes first and reads after misses no change.
   * Listeners run off the caller's thread and must not block for long.
   */
  Subscription subscribe(String topic, Runnable listener);

  /** Stops listening and releases what the signals hold (connections, threads). */
  @Override
  void close();

  /**
   * Rejects what cannot be a topic: one longer than {@link #MAX_TOPIC} characters, or
   * with a control character (PostgreSQL refuses a NUL, and log lines must stay lines).
   */
  static void checkTopic(String topic) {
    if (topic == null) {
      throw new IllegalArgumentException("a signal needs a topic");
    }
    if (topic.length() > MAX_TOPIC) {
      throw new IllegalArgumentException("a topic has at most " + MAX_TOPIC + " characters");
    }
    for (int i = 0; i < topic.length(); i++) {
      if (Character.isISOControl(topic.charAt(i))) {
        throw new IllegalArgumentException("a topic has no control characters");
      }
    }
  }

  /** One listener's registration. */
  interface Subscription extends AutoCloseable {

    /** Stops the listener; closing twice is fine. */
    @Override
    void close();
  }
}
