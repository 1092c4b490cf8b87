package org.helpline.channel.telegram.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Telegram {@code Message}; names, captions and media are deliberately not bound.
 *
 * @param text what the person typed, or null for a photo, sticker, voice note and the like
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TelegramMessage(
    @JsonProperty("message_id") Long messageId,
    TelegramUser from,
    TelegramChat chat,
    String text) {
}
