package org.helpline.conversation;

import java.time.Duration;
import org.helpline.content.Content;
import org.helpline.dialog.DialogEngine;
import org.helpline.nlu.IntentClassifier;
import org.helpline.safety.SafetyScreen;

/**
 * One consistent, immutable set of the bot's working parts built from one content version:
 * swapped as a whole, so a turn never mixes two versions.
 */
public record HelplineBot(Content content, SafetyScreen screen, IntentClassifier classifier,
    DialogEngine engine, Duration trainingTime) {
}
