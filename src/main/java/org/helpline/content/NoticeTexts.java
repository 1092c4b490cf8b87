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
 * @param numberedChoices above a numbered list of choices on a text-only channel
 * @param chooseButton the button that opens a list of choices (WhatsApp, 20 characters)
 * @param chooseNext the text above the buttons when the answer cannot carry them (WhatsApp)
 * @param callButton the title of the button that dials the helpline (Messenger, 20 characters)
 * @param callNurses the text above that button, with the {@code {phone}}
 * @param cutShort added to an answer too long for one message, with the {@code {phone}}
 */
public record NoticeTexts(String id, String onlyText, String unreadable, String tooFast,
    String callNow, String internalError, String numberedChoices, String chooseButton,
    String chooseNext, String callButton, String callNurses, String cutShort) {

  /** The longest a button's title may be on the platforms that have the shortest. */
  public static final int MAX_BUTTON_TITLE = 20;

  /** A text with its {@code {phone}} filled in. */
  public static String fill(String text, String phone) {
    return text.replace("{phone}", phone);
  }
}
