package org.helpline.dialog;

import java.time.Instant;

/**
 * What the engine remembers between turns of one conversation.
 *
 * @param topic the dialog id follow-up questions resolve against, or null
 * @param misunderstandings fallbacks and clarifications in a row
 * @param handoffOffered whether the bot has passed this conversation to the nurses
 * @param lastActivity when the last turn happened
 */
public record ConversationState(String topic, int misunderstandings, boolean handoffOffered,
    Instant lastActivity) {

  /** A new conversation. */
  public static ConversationState start(Instant now) {
    return new ConversationState(null, 0, false, now);
  }
}
