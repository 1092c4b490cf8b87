package org.helpline.dialog;

/**
 * When the engine trusts the classifier. Calibrated on held-out data with the evaluation
 * command (see README), not guessed.
 *
 * @param minConfidence the top intent's probability needed to answer
 * @param minMargin the lead over the runner-up needed to answer without asking
 * @param clarifyFloor the probability both candidates need before the bot asks "A or B?"
 * @param safetyNetConfidence probability at which the classifier's emergency and self-harm
 *     intents escalate even when the rule-based screen did not fire
 */
public record NluThresholds(double minConfidence, double minMargin, double clarifyFloor,
    double safetyNetConfidence) {
}
