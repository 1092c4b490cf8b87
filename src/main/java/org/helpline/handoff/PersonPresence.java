package org.helpline.handoff;

/**
 * Whether a person has their web chat open, so a nurse sees when they have closed it. The
 * person's event stream opening and closing is what counts; a messaging app has no presence.
 */
public interface PersonPresence {

  /** A person's stream for this conversation opened. */
  void opened(String conversationId);

  /** A person's stream for this conversation closed. */
  void closed(String conversationId);

  /** Whether the person has the chat open now, on any instance. */
  boolean here(String conversationId);
}
