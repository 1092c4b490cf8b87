package org.helpline.channel.messenger.dto;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A quick reply offered: {@code content_type} is {@code text}, title at most 20 characters. */
public record MessengerQuickReply(@JsonProperty("content_type") String contentType,
    String title, String payload) {
}
