package org.helpline.channel.telegram.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** An {@code InlineKeyboardMarkup}: rows of buttons under the message. */
public record TelegramInlineKeyboard(
    @JsonProperty("inline_keyboard") List<List<TelegramInlineButton>> inlineKeyboard) {

  public TelegramInlineKeyboard {
    inlineKeyboard = inlineKeyboard.stream().map(List::copyOf).toList();
  }
}
