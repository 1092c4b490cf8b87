package org.helpline.channel.meta;

import org.helpline.channel.messaging.MessagingReply;

/** Sends one reply to one person on one Meta platform; throws when it finally could not. */
@FunctionalInterface
public interface MetaReplySender {

  /** Sends every message the reply needs, in order, stopping at the first that fails. */
  void send(MessagingReply reply);
}
