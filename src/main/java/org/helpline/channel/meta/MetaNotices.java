package org.helpline.channel.meta;

import java.util.List;
import org.helpline.channel.messaging.MessagingNotices;
import org.helpline.content.HelplineFacts;
import org.helpline.conversation.ChatReply;

/** The kind replies to messages the bot does not take as a turn, always with the numbers. */
public final class MetaNotices {

  private MetaNotices() {
  }

  /** The reply to a photo, voice note, sticker or location: we only read text. */
  public static ChatReply onlyText(HelplineFacts helpline) {
    return notice(MessagingNotices.onlyText(helpline.phone()));
  }

  /** The reply to a message the bot cannot take (too long, or an outdated button). */
  public static ChatReply unreadable(HelplineFacts helpline) {
    return notice(MessagingNotices.unreadable(helpline.phone()));
  }

  /** The reply to a message sent too soon after many others. */
  public static ChatReply tooFast(HelplineFacts helpline) {
    return notice(MessagingNotices.tooFast(helpline.phone()));
  }

  private static ChatReply notice(String text) {
    return ChatReply.notice(text);
  }
}
