package org.helpline.conversation;

import java.time.LocalDate;
import java.util.List;
import org.helpline.content.Bubble;
import org.helpline.content.Source;
import org.helpline.dialog.EscalationDecision;
import org.helpline.dialog.HandoffDecision;
import org.helpline.dialog.QuickReply;
import org.helpline.dialog.Turn;

/**
 * What the bot said in one turn, independent of any channel: kept with the transcript so that
 * a retried delivery gets exactly the same reply.
 *
 * @param handoff the handoff, or null
 * @param escalation the escalation, or null
 * @param source the reviewed page behind the answer, or null
 * @param reviewed when that content was last reviewed, or null
 */
public record ChatReply(
    String action,
    String intent,
    Double confidence,
    List<Bubble> replies,
    List<QuickReply> quickReplies,
    HandoffDecision handoff,
    EscalationDecision escalation,
    Source source,
    LocalDate reviewed) {

  public ChatReply {
    replies = replies == null ? List.of() : List.copyOf(replies);
    quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
  }

  /** The reply of an engine turn. */
  public static ChatReply of(Turn turn) {
    return new ChatReply(turn.action().id(), turn.intent(),
        turn.intent() == null ? null : Math.round(turn.confidence() * 1000) / 1000.0,
        turn.replies(), turn.quickReplies(), turn.handoff().orElse(null),
        turn.escalation().orElse(null), turn.dialog().map(d -> d.source()).orElse(null),
        turn.dialog().map(d -> d.reviewed()).orElse(null));
  }
}
