package org.helpline.conversation;

import java.time.Duration;
import org.helpline.content.Content;
import org.helpline.dialog.DialogEngine;
import org.helpline.nlu.IntentClassifier;
import org.helpline.safety.SafetyScreen;

/**
 * One consistent, immutable set of the bot's working parts built from one content version:
 * swapped as a whole, so a turn never mixes two versions.
 *
 * @param trainingTime how long the model took to train, or to load when packaged
 * @param modelPackaged whether the model was the one trained at build time for exactly this
 *     content (else it was trained at start-up or reload)
 */
public record HelplineBot(Content content, SafetyScreen screen, IntentClassifier classifier,
    DialogEngine engine, Duration trainingTime, boolean modelPackaged) {

  /** How the model came to be, for logs and health: "packaged" or "trained". */
  public String modelSource() {
    return modelPackaged ? "packaged" : "trained";
  }
}
