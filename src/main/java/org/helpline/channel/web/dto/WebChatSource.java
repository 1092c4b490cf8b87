package org.helpline.channel.web.dto;

/** The reviewed page behind an answer, and when it was last reviewed. */
public record WebChatSource(String title, String url, String reviewed) {
}
