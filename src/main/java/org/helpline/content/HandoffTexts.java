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
 */
public record HandoffTexts(
    String id,
    String openNow,
    String closedNow,
    String repeatedMisunderstanding,
    Source source,
    LocalDate reviewed) {
}
