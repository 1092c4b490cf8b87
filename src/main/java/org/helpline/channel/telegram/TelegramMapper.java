package org.helpline.channel.telegram;

import java.util.List;
import java.util.regex.Pattern;
import org.helpline.channel.messaging.MessagingNotices;
import org.helpline.channel.messaging.PlainTextRenderer;
import org.helpline.channel.telegram.dto.TelegramInlineButton;
import org.helpline.channel.telegram.dto.TelegramInlineKeyboard;
import org.helpline.channel.telegram.dto.TelegramSendMessage;
import org.helpline.conversation.ChatMessage;
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
  static ChatMessage textMessage(Long updateId, String text, String senderId) {
    String said = START.matcher(text.strip()).matches() ? "hello" : text;
    return new ChatMessage(null, said, null, messageId(updateId), CHANNEL, senderId);
  }

  /** A tapped inline button: its callback data is the quick reply's payload. */
  static ChatMessage tappedButton(Long updateId, String payload, String senderId) {
    return new ChatMessage(null, null, payload, messageId(updateId), CHANNEL, senderId);
  }

  /**
   * The reply as one {@code sendMessage}: bubbles as paragraphs with links as "title: url",
   * quick replies as inline buttons, one per row.
   */
  static TelegramSendMessage toSendMessage(long chatId, ChatReply reply, String helplinePhone) {
    // The quick replies become buttons, so the text leaves out the numbered list.
    ChatReply textOnly = new ChatReply(reply.action(), reply.intent(), reply.confidence(),
        reply.replies(), List.of(), reply.handoff(), reply.escalation(), reply.source(),
        reply.reviewed());
    String text = PlainTextRenderer.render(textOnly);
    if (text.isBlank()) {
      text = unreadableNotice(helplinePhone);
    }
    TelegramInlineKeyboard keyboard = reply.quickReplies().isEmpty() ? null
        : new TelegramInlineKeyboard(reply.quickReplies().stream()
            .map(q -> List.of(new TelegramInlineButton(q.title(), q.payload()))).toList());
    return new TelegramSendMessage(chatId, fit(text, helplinePhone), keyboard);
  }

  /** A plain notice, without buttons. */
  static TelegramSendMessage notice(long chatId, String text) {
    return new TelegramSendMessage(chatId, text, null);
  }

  /**
   * The text within Telegram's limit. One webhook response carries one message, so an
   * over-long reply (none of today's content comes close) ends at a paragraph with the
   * helpline number rather than being refused by Telegram and never arriving.
   */
  static String fit(String text, String helplinePhone) {
    if (text.length() <= MAX_TEXT_LENGTH) {
      return text;
    }
    String note = "\n\n(This answer is too long to show in full here. To hear the rest, call"
        + " the nurse helpline free on " + helplinePhone + ".)";
    return PlainTextRenderer.split(text, MAX_TEXT_LENGTH - note.length()).get(0) + note;
  }

  /** The kind reply to a photo, sticker, voice note or location: we only read text. */
  static String onlyTextNotice(String helplinePhone) {
    return MessagingNotices.onlyText(helplinePhone);
  }

  /** The kind reply to a message the bot cannot take (too long, or an outdated button). */
  static String unreadableNotice(String helplinePhone) {
    return MessagingNotices.unreadable(helplinePhone);
  }

  private static String messageId(Long updateId) {
    return updateId == null ? null : "update-" + updateId;
  }
}
