package org.helpline.content;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
// reviewedBy: the clinician who approved the last review (written by ReviewStamp); a record
// for people reading the file, not used by the bot.
@JsonIgnoreProperties("reviewedBy")
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
   * @param message the words of leaving a message for the nurses
   * @param app what a person in a messaging app reads as the chat changes
   * @param unclaimed said when no nurse has claimed their chat for a while, offering a message
   *     instead; gives {@code {reply_by}}
   * @param end the quick reply with which the person leaves the chat (at most 20 characters)
   * @param left said when they have left it; gives the {@code {phone}} and the
   *     {@code {hours}}
   * @param lineClosed said, instead of {@code unclaimed}, to those still waiting when the line
   *     closes, offering a message; gives {@code {reply_by}}
   */
  public record ChatTexts(String offer, String waiting, String notOpen, MessageTexts message,
      AppTexts app, String unclaimed, String end, String left, String lineClosed) {
  }

  /**
   * What a person in a messaging app (WhatsApp, Messenger, SMS, Telegram) reads as their chat
   * changes; the web chat shows these changes itself.
   *
   * @param joined a nurse has claimed their chat
   * @param nurse a nurse's message, around its {@code {text}}
   * @param returned the nurse handed them back to the bot
   * @param closed the nurse closed the chat; gives the {@code {phone}}
   */
  public record AppTexts(String joined, String nurse, String returned, String closed) {
  }

  /**
   * The words of leaving a message for the nurses while the line is closed. Nothing the person
   * writes for the nurses is kept as a message until they have said yes.
   *
   * @param offer the quick reply that offers it (at most 20 characters)
   * @param consent asks whether we may keep their message; gives {@code {reply_by}} and
   *     {@code {retention}}
   * @param yes the quick reply that agrees (at most 20 characters)
   * @param no the quick reply that declines (at most 20 characters)
   * @param write asks them to write it now
   * @param queued thanks them once it is with the nurses; gives {@code {reply_by}} and 999
   * @param declined said when they said no; gives the {@code {phone}} and the {@code {hours}}
   * @param consentApp the consent in a messaging app, where what is kept differs (their
   *     number or account, not this browser); gives {@code {reply_by}} and {@code {retention}}
   */
  public record MessageTexts(String offer, String consent, String yes, String no, String write,
      String queued, String declined, String consentApp) {
  }
}
