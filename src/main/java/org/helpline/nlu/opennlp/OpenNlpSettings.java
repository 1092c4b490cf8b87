package org.helpline.nlu.opennlp;

/**
 * How the OpenNLP document categoriser is trained.
 *
 * @param algorithm OpenNLP trainer: {@code MAXENT} (GIS) or {@code MAXENT_QN} (L-BFGS)
 * @param iterations maximum training iterations of the maxent trainer
 * @param cutoff minimum number of times a feature must occur to be kept
 * @param charNgrams whether to add character n-gram features (typo tolerance)
 * @param wordBigrams whether to add word-bigram features
 */
public record OpenNlpSettings(String algorithm, int iterations, int cutoff, boolean charNgrams, boolean wordBigrams) {

  /** The settings the bot runs with; measured in {@code docs/} and the evaluation command. */
  public static OpenNlpSettings defaults() {
    return new OpenNlpSettings("MAXENT_QN", 100, 1, true, false);
  }
}
