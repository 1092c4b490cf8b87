package org.helpline.channel.telegram.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A tapped inline keyboard button.
 *
 * @param message the bot's message that carried the button, or null when too old
 * @param data the button's {@code callback_data}: a quick reply's payload
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TelegramCallbackQuery(String id, TelegramUser from, TelegramMessage message,
    String data) {
}
