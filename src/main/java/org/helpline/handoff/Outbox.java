package org.helpline.handoff;

import java.time.Instant;
import java.util.List;

/**
 * What a nurse writes to a person in a messaging app, and where their chat stands, waiting to
 * go out through the platform's send API. The chat's events are the record; the outbox says
 * which of them are still to be sent, so a send survives a crash or a platform's outage, and
 * each person's events go out one at a time, in order. Any instance may send: it claims an
 * event's try first, so two instances never send the same event at once.
 */
public interface Outbox {

  /** The signal topic of new events to send. */
  String TOPIC = "outbox";

  /**
   * One event to send.
   *
   * @param channel the conversation's messaging app
   * @param replyTo where the app reaches the person (personal data: never log it)
   * @param lastHeard when the person last wrote
   * @param attempts the tries before this one
   */
  record Item(String conversationId, long eventId, String kind, String data, String channel,
      String replyTo, Instant lastHeard, int attempts) {
  }

  /**
   * The next event due in each conversation whose earlier events have all gone out, at most
   * {@code limit} of them.
   */
  List<Item> due(Instant now, int limit);

  /** Claims the item's try until {@code until}; false when another instance has it. */
  boolean claim(Item item, Instant now, Instant until);

  /** It went out. */
  void sent(Item item);

  /** It failed for now: try again at {@code at}. */
  void retryAt(Item item, Instant at);

  /**
   * The platform's window is closed: it waits until the person writes again, and the nurse
   * hears why.
   */
  void hold(Item item, ChatEvent.Draft alert, Instant now);

  /** It will never go out: the nurse hears why. */
  void failed(Item item, ChatEvent.Draft alert, Instant now);

  /**
   * Forgets the messaging apps' addresses of closed entries that have nothing left to send;
   * answers how many.
   */
  int forgetAddresses();
}
