package org.helpline.nlu;

/** One labelled training utterance. */
public record TrainingExample(String intent, String text) {
}
