package org.helpline.channel.web.dto;

import java.util.List;

/** Emergency or crisis guidance: the type and the numbers to call. */
public record WebChatEscalation(String type, List<String> numbers) {
}
