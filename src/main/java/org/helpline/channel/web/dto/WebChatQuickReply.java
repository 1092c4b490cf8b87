package org.helpline.channel.web.dto;

/** A button the person can tap; send its payload back as {@code payload}. */
public record WebChatQuickReply(String title, String payload) {
}
