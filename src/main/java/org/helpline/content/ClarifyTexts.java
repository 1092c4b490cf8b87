package org.helpline.content;

import java.time.LocalDate;

/**
 * The question the bot asks when two intents are too close to call, from
 * {@code dialogs/_system/clarify.yml}. Placeholders: {@code {first}} and {@code {second}}
 * (the dialogs' titles).
 */
public record ClarifyTexts(String id, String question, String noneOfThese, Source source,
    LocalDate reviewed) {
}
