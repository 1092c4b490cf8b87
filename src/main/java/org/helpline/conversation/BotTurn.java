package org.helpline.conversation;

import org.helpline.dialog.Turn;
import org.helpline.nlu.Classification;
import org.helpline.safety.SafetyResult;

/**
 * One turn as the bot took it: what was said, the quick reply it chose (tapped, or a bare
 * number for one of the offered replies), the safety screen's verdict, the classifier's
 * ranking and the engine's decision.
 *
 * @param choice the quick-reply payload acted on, or null when the text was classified
 * @param transcriptText what the transcript keeps of the message: the text redacted, or the
 *     tapped payload
 */
public record BotTurn(Utterance said, String choice, SafetyResult safety, Classification nlu,
    Turn turn, String transcriptText) {
}
