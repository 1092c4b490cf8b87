package org.helpline.channel.web.dto;

import java.util.List;

/** One chat bubble. */
public record WebChatReply(String text, List<WebChatLink> links) {
}
