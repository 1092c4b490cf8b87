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
import org.helpline.conversation.ChatReply;

/** Translates between the web chat's JSON and the conversation service. */
public final class WebChatMapper {

  private WebChatMapper() {
  }

  static ChatMessage toMessage(WebChatRequest request) {
    return ChatMessage.web(request.conversationId(), request.text(), request.payload(),
        request.messageId());
  }

  public static WebChatResponse toResponse(ChatOutcome outcome) {
    ChatReply reply = outcome.reply();
    ChatReply.Handoff h = reply.handoff();
    ChatReply.Escalation e = reply.escalation();
    return new WebChatResponse(
        outcome.conversationId(),
        reply.action(),
        reply.intent(),
        reply.confidence(),
        reply.replies().stream().map(b -> new WebChatReply(b.text(), b.links().stream()
            .map(l -> new WebChatLink(l.title(), l.url())).toList())).toList(),
        reply.quickReplies().stream().map(q -> new WebChatQuickReply(q.title(), q.payload()))
            .toList(),
        h == null ? null : new WebChatHandoff(h.phone(), h.openNow(), h.hours(), h.nextOpen(),
            h.alternatives(), h.reason(), h.modes(), h.mode(), h.status(), h.position(),
            h.replyBy() == null ? null : h.replyBy().toString()),
        e == null ? null : new WebChatEscalation(e.type(), e.numbers()),
        reply.source() == null ? null : new WebChatSource(reply.source().title(),
            reply.source().url(), reply.reviewed() == null ? null : reply.reviewed().toString(),
            reply.reviewStatus()),
        outcome.contentVersion(),
        outcome.seq());
  }
}
