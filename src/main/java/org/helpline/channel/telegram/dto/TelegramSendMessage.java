package org.helpline.channel.telegram.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A {@code sendMessage} call returned in the webhook response, which Telegram then makes on
 * our behalf (no outbound request needed). Plain text: no {@code parse_mode}, so nothing in
 * the text needs escaping.
 *
 * @param replyMarkup the quick replies as inline buttons, or null when there are none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TelegramSendMessage(
    String method,
    @JsonProperty("chat_id") long chatId,
    String text,
    @JsonProperty("reply_markup") TelegramInlineKeyboard replyMarkup) {

  public TelegramSendMessage(long chatId, String text, TelegramInlineKeyboard replyMarkup) {
    this("sendMessage", chatId, text, replyMarkup);
  }
}
