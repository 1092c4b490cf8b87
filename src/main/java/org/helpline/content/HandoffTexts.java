package org.helpline.content;

import java.time.LocalDate;

/**
 * The words around the helpline details when the bot passes someone to the nurses, from
 * {@code dialogs/_system/handoff.yml}. Placeholders: {@code {phone}}, {@code {hours}},
 * {@code {next_open}}.
 *
 * @param openNow said when the line is open at this moment
 * @param closedNow said when it is closed
 * @param repeatedMisunderstanding said before the handoff when the bot failed to understand
 *     several times in a row
 * @param passedOn said first in every reply while the conversation is with the nurses (a
 *     handoff is open or claimed); gives the {@code {phone}} and the {@code {hours}}
 * @param callLink the title of the link that calls the helpline, with the {@code {phone}}
 * @param chat the words of a live chat with a nurse in the same window
 */
public record HandoffTexts(
    String id,
    String openNow,
    String closedNow,
    String repeatedMisunderstanding,
    String passedOn,
    String callLink,
    ChatTexts chat,
    Source source,
    LocalDate reviewed) {

  /**
   * The words of a live chat with a nurse.
   *
   * @param offer the quick reply that asks for one (at most 20 characters, for the platforms
   *     with the shortest buttons)
   * @param waiting said when the person joins the queue; gives their {@code {position}} and
   *     the {@code {phone}}
   * @param notOpen said when they ask while nurses cannot chat; gives the {@code {phone}} and
   *     the {@code {hours}}
   */
  public record ChatTexts(String offer, String waiting, String notOpen) {
  }
}
