package org.helpline.channel.messenger.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An incoming message: text, a tapped quick reply, or attachments; an echo of what the page
 * itself sent has {@code is_echo}.
 */
public record MessengerInboundMessage(String mid, String text,
    @JsonProperty("is_echo") Boolean isEcho,
    @JsonProperty("quick_reply") MessengerQuickReplyTap quickReply,
    List<JsonNode> attachments) {
}
