package org.helpline.channel.messaging;

/**
 * The kind replies every messaging channel gives to a message it does not take as a turn.
 * Each ends with the helpline and emergency numbers, so no one is left without them.
 */
public final class MessagingNotices {

  private MessagingNotices() {
  }

  /** The reply to a photo, voice note, sticker or location: we only read text. */
  public static String onlyText(String helplinePhone) {
    return "Sorry, I can only read text messages. Please type your question in words."
        + numbers(helplinePhone);
  }

  /** The reply to a message the bot cannot take (too long, or an outdated button). */
  public static String unreadable(String helplinePhone) {
    return "Sorry, I could not read that message. Please send your question again as a"
        + " short message." + numbers(helplinePhone);
  }

  /** The reply to a message sent too soon after many others. */
  public static String tooFast(String helplinePhone) {
    return "You've sent a lot of messages very quickly, so I need a short pause. Please wait a"
        + " minute and then send your question again." + numbers(helplinePhone);
  }

  private static String numbers(String helplinePhone) {
    return "\n\nTo talk to a nurse, call free on " + helplinePhone
        + ". In an emergency, call 999.";
  }
}
