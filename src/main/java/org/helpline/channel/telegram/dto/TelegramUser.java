package org.helpline.channel.telegram.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A Telegram {@code User}: only the id, which finds the person's conversation. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TelegramUser(Long id) {
}
