package org.helpline.nlu;

/** Ranks the known intents for a message. Implementations must be safe for concurrent use. */
public interface IntentClassifier {

  /** Classifies a message; the text is normalised by the classifier itself. */
  Classification classify(String text);
}
