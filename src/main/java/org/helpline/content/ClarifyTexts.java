package org.helpline.content;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;

/**
 * The question the bot asks when two intents are too close to call, from
 * {@code dialogs/_system/clarify.yml}. Placeholders: {@code {first}} and {@code {second}}
 * (the dialogs' titles).
 */
// reviewedBy: the clinician who approved the last review (written by ReviewStamp); a record
// for people reading the file, not used by the bot.
@JsonIgnoreProperties("reviewedBy")
public record ClarifyTexts(String id, String question, String noneOfThese, Source source,
    LocalDate reviewed) {
}
