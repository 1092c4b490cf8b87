package org.helpline.conversation;

import org.helpline.content.NoticeTexts;

/**
 * The words a messaging channel puts around a reply, from the running content
 * ({@code dialogs/_system/notices.yml}) with the helpline number filled in.
 *
 * @param numberedChoices above a numbered list of choices on a text-only channel
 * @param chooseButton the button that opens a list of choices
 * @param chooseNext the text above the buttons when the answer cannot carry them
 * @param callButton the title of the button that dials the helpline
 * @param callNurses the text above that button
 * @param cutShort added to an answer too long for one message
 */
public record ChannelWords(String numberedChoices, String chooseButton, String chooseNext,
    String callButton, String callNurses, String cutShort) {

  /** The content's words with the helpline number filled in. */
  public static ChannelWords of(NoticeTexts texts, String phone) {
    return new ChannelWords(texts.numberedChoices(), texts.chooseButton(), texts.chooseNext(),
        texts.callButton(), NoticeTexts.fill(texts.callNurses(), phone),
        NoticeTexts.fill(texts.cutShort(), phone));
  }
}
