package org.helpline.insights;

import java.time.Instant;

/**
 * A stored turn the bot did not understand well enough to answer (a fallback or a
 * clarification), as the transcript keeps it.
 *
 * @param text what the person wrote, redacted
 * @param intent the intent the classifier put first, or null
 * @param confidence its probability, or null
 */
public record MisunderstoodTurn(String text, String action, String intent, Double confidence,
    Instant at) {
}
