package org.helpline.dialog;

import java.util.List;
import java.util.Optional;
import org.helpline.content.Bubble;
import org.helpline.content.DialogAction;
import org.helpline.content.Dialog;

/**
 * The engine's decision for one turn: one action, what to say, and the new state.
 *
 * @param intent the intent acted on, or null for clarify and fallback on low confidence
 * @param confidence the classifier's probability for that intent (1.0 for quick replies)
 * @param dialog the dialog whose reviewed content answered, if any (for source and review date)
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
    ConversationState state) {

  public Turn {
    replies = List.copyOf(replies);
    quickReplies = List.copyOf(quickReplies);
  }
}
