package org.helpline.conversation;

import org.helpline.content.Bubble;
import org.helpline.content.Link;
import org.helpline.content.Source;
import org.helpline.dialog.EscalationDecision;
import org.helpline.dialog.HandoffDecision;
import org.helpline.dialog.QuickReply;
import org.helpline.dialog.Turn;

/** The one place an engine turn (content and dialog types) becomes a channel's reply. */
final class ChatReplyMapper {

  private ChatReplyMapper() {
  }

  static ChatReply fromTurn(Turn turn) {
    return new ChatReply(turn.action().id(), turn.intent(),
        turn.intent() == null ? null : Math.round(turn.confidence() * 1000) / 1000.0,
        turn.replies().stream().map(ChatReplyMapper::message).toList(),
        turn.quickReplies().stream().map(ChatReplyMapper::choice).toList(),
        turn.handoff().map(ChatReplyMapper::handoff).orElse(null),
        turn.escalation().map(ChatReplyMapper::escalation).orElse(null),
        turn.dialog().map(d -> source(d.source())).orElse(null),
        turn.dialog().map(d -> d.reviewed()).orElse(null));
  }

  private static ChatReply.Message message(Bubble bubble) {
    return new ChatReply.Message(bubble.text(), bubble.links().stream()
        .map(ChatReplyMapper::link).toList());
  }

  private static ChatReply.Link link(Link link) {
    return new ChatReply.Link(link.title(), link.url());
  }

  private static ChatReply.Choice choice(QuickReply quickReply) {
    return new ChatReply.Choice(quickReply.title(), quickReply.payload());
  }

  private static ChatReply.Handoff handoff(HandoffDecision h) {
    return new ChatReply.Handoff(h.reason(), h.urgency(), h.phone(), h.openNow(), h.hours(),
        h.nextOpen(), h.alternatives());
  }

  private static ChatReply.Escalation escalation(EscalationDecision e) {
    return new ChatReply.Escalation(e.type(), e.numbers(), e.trigger());
  }

  private static ChatReply.Source source(Source source) {
    return source == null ? null : new ChatReply.Source(source.title(), source.url());
  }
}
