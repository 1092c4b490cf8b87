package org.helpline.content;

/**
 * What the bot says when it does not take a message as a turn, and what a person reads in
 * an error, from {@code dialogs/_system/notices.yml}. Each text gives the {@code {phone}}
 * (the helpline number from {@code helpline.yml}) and 999, so no one is left without them.
 *
 * @param onlyText the reply to a photo, voice note, sticker or location
 * @param unreadable the reply to a message the bot cannot take (too long, an outdated button)
 * @param tooFast the reply to a message sent too soon after many others
 * @param callNow said after the reason when the chat cannot answer (still starting, too many
 *     messages)
 * @param internalError said when something went wrong on our side
 */
public record NoticeTexts(String id, String onlyText, String unreadable, String tooFast,
    String callNow, String internalError) {

  /** A text with its {@code {phone}} filled in. */
  public static String fill(String text, String phone) {
    return text.replace("{phone}", phone);
  }
}
