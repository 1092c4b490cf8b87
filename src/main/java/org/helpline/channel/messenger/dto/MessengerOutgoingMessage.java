package org.helpline.channel.messenger.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A text (at most 2,000 characters) or a template, with optional quick replies (13). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessengerOutgoingMessage(String text, MessengerAttachment attachment,
    @JsonProperty("quick_replies") List<MessengerQuickReply> quickReplies) {
}
