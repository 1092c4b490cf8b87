package org.helpline.channel.telegram.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Telegram Bot API {@code Update}: only the kinds we answer are bound; any other kind
 * (edited_message, my_chat_member, ...) arrives with both fields null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TelegramUpdate(
    @JsonProperty("update_id") Long updateId,
    TelegramMessage message,
    @JsonProperty("callback_query") TelegramCallbackQuery callbackQuery) {
}
