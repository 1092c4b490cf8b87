package org.helpline.channel.telegram;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.helpline.channel.messaging.MessagingInbound;
import org.helpline.channel.messaging.PlainTextRenderer;
import org.helpline.channel.telegram.dto.TelegramInlineButton;
import org.helpline.channel.telegram.dto.TelegramInlineKeyboard;
import org.helpline.channel.telegram.dto.TelegramSendMessage;
import org.helpline.conversation.ChannelWords;
import org.helpline.conversation.ChatReply;

/** Translates between Telegram updates and {@code sendMessage} and the conversation service. */
final class TelegramMapper {

  /** The channel name turns and message ids are kept under. */
  static final String CHANNEL = "telegram";

  /** Telegram refuses a message text longer than this (UTF-16 code units, as Java counts). */
  static final int MAX_TEXT_LENGTH = 4096;

  /** What Telegram's Start button sends; on its own it means nothing to the classifier. */
  private static final Pattern START = Pattern.compile("^/start(@\\w+)?(\\s.*)?$",
      Pattern.DOTALL);

  private TelegramMapper() {
  }

  /** A typed message. Update ids are unique per bot, so a redelivery has the same id. */
  static MessagingInbound textMessage(Long updateId, String text, String senderId) {
    String said = START.matcher(text.strip()).matches() ? "hello" : text;
    return MessagingInbound.text(CHANNEL, senderId, messageId(updateId), said);
  }

  /** A tapped inline button: its callback data is the quick reply's payload. */
  static MessagingInbound tappedButton(Long updateId, String payload, String senderId) {
    return MessagingInbound.choice(CHANNEL, senderId, messageId(updateId), payload);
  }

  /**
   * The reply as one {@code sendMessage}: bubbles as paragraphs with links as "title: url",
   * quick replies as inline buttons, one per row; empty when the reply has no text to send
   * (Telegram refuses an empty message).
   */
  static Optional<TelegramSendMessage> toSendMessage(long chatId, ChatReply reply,
      ChannelWords words) {
    // The quick replies become buttons, so the text leaves out the numbered list.
    String text = PlainTextRenderer.render(reply.withoutQuickReplies(), words);
    if (text.isBlank()) {
      return Optional.empty();
    }
    TelegramInlineKeyboard keyboard = reply.quickReplies().isEmpty() ? null
        : new TelegramInlineKeyboard(reply.quickReplies().stream()
            .map(q -> List.of(new TelegramInlineButton(q.title(), q.payload()))).toList());
    return Optional.of(new TelegramSendMessage(chatId, fit(text, words), keyboard));
  }

  /**
   * The text within Telegram's limit. One webhook response carries one message, so an
   * over-long reply (none of today's content comes close) ends at a paragraph with the
   * content's note giving the helpline number ({@code cutShort}) rather than being refused by
   * Telegram and never arriving.
   */
  static String fit(String text, ChannelWords words) {
    if (text.length() <= MAX_TEXT_LENGTH) {
      return text;
    }
    String note = "\n\n" + words.cutShort();
    return PlainTextRenderer.split(text, MAX_TEXT_LENGTH - note.length()).get(0) + note;
  }

  private static String messageId(Long updateId) {
    return updateId == null ? null : "update-" + updateId;
  }
}
