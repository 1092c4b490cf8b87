package org.helpline.dialog;

import java.time.Instant;
import java.util.List;

/**
 * What the engine remembers between turns of one conversation.
 *
 * @param topic the dialog id follow-up questions resolve against, or null
 * @param misunderstandings fallbacks and clarifications in a row
 * @param handoffOffered whether the nurses' queue has this conversation
 * @param lastActivity when the last turn happened
 * @param offered the payloads of the quick replies the last reply offered, in order, so that a
 *     bare number on a text-only channel can choose one
 */
public record ConversationState(String topic, int misunderstandings, boolean handoffOffered,
    Instant lastActivity, List<String> offered) {

  public ConversationState {
    offered = offered == null ? List.of() : List.copyOf(offered);
  }

  /** A state that offers no quick replies. */
  public ConversationState(String topic, int misunderstandings, boolean handoffOffered,
      Instant lastActivity) {
    this(topic, misunderstandings, handoffOffered, lastActivity, List.of());
  }

  /** A new conversation. */
  public static ConversationState start(Instant now) {
    return new ConversationState(null, 0, false, now);
  }

  /** This state at the time of a new turn. */
  ConversationState at(Instant now) {
    return new ConversationState(topic, misunderstandings, handoffOffered, now, offered);
  }

  /** This state, remembering the quick replies just offered and whether the nurses have it. */
  ConversationState after(List<String> offeredNow, boolean withNurses) {
    return new ConversationState(topic, misunderstandings, withNurses, lastActivity, offeredNow);
  }
}
