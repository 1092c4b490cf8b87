package org.helpline.channel.telegram.dto;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An inline keyboard button that sends {@code callbackData} back as a callback query. */
public record TelegramInlineButton(String text,
    @JsonProperty("callback_data") String callbackData) {
}
