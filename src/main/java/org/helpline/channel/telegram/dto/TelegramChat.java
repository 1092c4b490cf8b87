package org.helpline.channel.telegram.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A Telegram {@code Chat}: where to reply.
 *
 * @param type {@code private}, {@code group}, {@code supergroup} or {@code channel}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TelegramChat(Long id, String type) {
}
