package org.helpline.nlu;

/** One intent with the classifier's probability for it. */
public record IntentScore(String intent, double confidence) {
}
