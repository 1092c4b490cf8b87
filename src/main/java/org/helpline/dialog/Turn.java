package org.helpline.dialog;

import java.util.List;
import java.util.Optional;
import org.helpline.content.Bubble;
import org.helpline.content.Dialog;
import org.helpline.content.DialogAction;
import org.helpline.handoff.HandoffRecord;

/**
 * The engine's decision for one turn: one action, what to say, and the new state.
 *
 * @param intent the intent acted on, or null for clarify and fallback on low confidence
 * @param confidence the classifier's probability for that intent (1.0 for quick replies)
 * @param handoff what the person is told about reaching the nurses, when the bot hands off
 * @param dialog the dialog whose reviewed content answered, if any (for source and review date)
 * @param referral the entry this turn gives the nurses' queue (every new handoff and every
 *     escalation), if any
 */
public record Turn(
    DialogAction action,
    String intent,
    double confidence,
    List<Bubble> replies,
    List<QuickReply> quickReplies,
    Optional<HandoffDecision> handoff,
    Optional<EscalationDecision> escalation,
    Optional<Dialog> dialog,
    ConversationState state,
    Optional<HandoffRecord> referral) {

  public Turn {
    replies = List.copyOf(replies);
    quickReplies = List.copyOf(quickReplies);
  }

  /** A decision that gives the queue nothing (yet). */
  Turn(DialogAction action, String intent, double confidence, List<Bubble> replies,
      List<QuickReply> quickReplies, Optional<HandoffDecision> handoff,
      Optional<EscalationDecision> escalation, Optional<Dialog> dialog,
      ConversationState state) {
    this(action, intent, confidence, replies, quickReplies, handoff, escalation, dialog, state,
        Optional.empty());
  }

  /** This decision with other replies. */
  Turn saying(List<Bubble> said) {
    return new Turn(action, intent, confidence, said, quickReplies, handoff, escalation, dialog,
        state, referral);
  }

  /** This decision with its final state and queue entry. */
  Turn completed(ConversationState after, Optional<HandoffRecord> entry) {
    return new Turn(action, intent, confidence, replies, quickReplies, handoff, escalation,
        dialog, after, entry);
  }
}
