package org.helpline.channel.web.dto;

/** A link under a reply. */
public record WebChatLink(String title, String url) {
}
