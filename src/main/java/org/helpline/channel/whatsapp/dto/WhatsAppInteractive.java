package org.helpline.channel.whatsapp.dto;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A tapped reply button or list row: its id is the quick reply's payload. */
public record WhatsAppInteractive(String type,
    @JsonProperty("button_reply") WhatsAppReplyId buttonReply,
    @JsonProperty("list_reply") WhatsAppReplyId listReply) {
}
