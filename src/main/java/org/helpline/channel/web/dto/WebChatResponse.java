package org.helpline.channel.web.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of the chat reply (chat contract v1: fields may be added, never renamed). */
public record WebChatResponse(
    String conversationId,
    @Schema(enumeration = {"answer", "clarify", "fallback", "handoff", "escalate"})
    String action,
    String intent,
    Double confidence,
    List<WebChatReply> replies,
    List<WebChatQuickReply> quickReplies,
    WebChatHandoff handoff,
    WebChatEscalation escalation,
    WebChatSource source,
    @Schema(description = "Version (hash) of the content that answered.")
    String contentVersion,
    @Schema(description = "This reply's number in the conversation (1 for the first), to rate"
        + " it with POST /api/v1/chat/feedback; 0 when the turn could not be stored.")
    int turn) {
}
