package org.helpline.channel.web;

import org.helpline.channel.web.dto.WebChatEscalation;
import org.helpline.channel.web.dto.WebChatHandoff;
import org.helpline.channel.web.dto.WebChatLink;
import org.helpline.channel.web.dto.WebChatQuickReply;
import org.helpline.channel.web.dto.WebChatReply;
import org.helpline.channel.web.dto.WebChatRequest;
import org.helpline.channel.web.dto.WebChatResponse;
import org.helpline.channel.web.dto.WebChatSource;
import org.helpline.conversation.ChatMessage;
import org.helpline.conversation.ChatOutcome;
import org.helpline.dialog.Turn;

/** Translates between the web chat's JSON and the conversation service. */
final class WebChatMapper {

  static final String CHANNEL = "web";

  private WebChatMapper() {
  }

  static ChatMessage toMessage(WebChatRequest request) {
    return new ChatMessage(request.conversationId(), request.text(), request.payload(), CHANNEL);
  }

  static WebChatResponse toResponse(ChatOutcome outcome) {
    Turn turn = outcome.turn();
    return new WebChatResponse(
        outcome.conversationId(),
        turn.action().id(),
        turn.intent(),
        turn.intent() == null ? null : Math.round(turn.confidence() * 1000) / 1000.0,
        turn.replies().stream().map(b -> new WebChatReply(b.text(), b.links().stream()
            .map(l -> new WebChatLink(l.title(), l.url())).toList())).toList(),
        turn.quickReplies().stream().map(q -> new WebChatQuickReply(q.title(), q.payload()))
            .toList(),
        turn.handoff().map(h -> new WebChatHandoff(h.phone(), h.openNow(), h.hours(),
            h.nextOpen(), h.alternatives(), h.reason())).orElse(null),
        turn.escalation().map(e -> new WebChatEscalation(e.type(), e.numbers())).orElse(null),
        turn.dialog().map(d -> new WebChatSource(d.source().title(), d.source().url(),
            d.reviewed().toString())).orElse(null),
        outcome.contentVersion());
  }
}
