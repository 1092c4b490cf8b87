package org.helpline.nlu.opennlp;

/**
 * How the OpenNLP document categoriser is trained. {@link #toString()} is part of the packaged
 * model's fingerprint ({@link PackagedModel}), so every setting that changes the model is a
 * component here.
 *
 * @param algorithm OpenNLP trainer: {@code MAXENT} (GIS), {@code MAXENT_QN} (L-BFGS),
 *     {@code PERCEPTRON} or {@code NAIVEBAYES}
 * @param iterations maximum training iterations of the trainer
 * @param cutoff minimum number of times a feature must occur to be kept
 * @param charNgrams whether to add character n-gram features (typo tolerance)
 * @param wordBigrams whether to add word-bigram features
 * @param l1Cost L1 regularisation weight of the L-BFGS trainer (OpenNLP {@code L1Cost})
 * @param l2Cost L2 regularisation weight of the L-BFGS trainer (OpenNLP {@code L2Cost})
 * @param threads training threads of the L-BFGS trainer (OpenNLP {@code Threads}); more than
 *     one sums the gradient in another order, so the model can differ in the last bits
 * @param updates corrections the L-BFGS trainer keeps (OpenNLP {@code NumOfUpdates}); each is
 *     two vectors of features × intents doubles
 * @param typoCorrection whether a word the model never saw is replaced by the known word one
 *     keystroke away before classification ({@link TypoCorrector}); training is unaffected
 */
public record OpenNlpSettings(String algorithm, int iterations, int cutoff, boolean charNgrams,
    boolean wordBigrams, double l1Cost, double l2Cost, int threads, int updates,
    boolean typoCorrection) {

  /** OpenNLP's own defaults for the L-BFGS costs ({@code QNTrainer.L1COST_DEFAULT}, L2). */
  static final double QN_DEFAULT_COST = 0.1;

  /** OpenNLP's default number of L-BFGS corrections ({@code QNTrainer.M_DEFAULT}). */
  static final int QN_DEFAULT_UPDATES = 15;

  /** The settings the bot runs with; measured in {@code docs/} and the evaluation command. */
  public static OpenNlpSettings defaults() {
    return new OpenNlpSettings("MAXENT_QN", 100, 1, true, false, QN_DEFAULT_COST,
        QN_DEFAULT_COST, 1, QN_DEFAULT_UPDATES, true);
  }

  public OpenNlpSettings withAlgorithm(String value) {
    return new OpenNlpSettings(value, iterations, cutoff, charNgrams, wordBigrams, l1Cost, l2Cost,
        threads, updates, typoCorrection);
  }

  public OpenNlpSettings withIterations(int value) {
    return new OpenNlpSettings(algorithm, value, cutoff, charNgrams, wordBigrams, l1Cost, l2Cost,
        threads, updates, typoCorrection);
  }

  public OpenNlpSettings withCutoff(int value) {
    return new OpenNlpSettings(algorithm, iterations, value, charNgrams, wordBigrams, l1Cost,
        l2Cost, threads, updates, typoCorrection);
  }

  public OpenNlpSettings withCharNgrams(boolean value) {
    return new OpenNlpSettings(algorithm, iterations, cutoff, value, wordBigrams, l1Cost, l2Cost,
        threads, updates, typoCorrection);
  }

  public OpenNlpSettings withWordBigrams(boolean value) {
    return new OpenNlpSettings(algorithm, iterations, cutoff, charNgrams, value, l1Cost, l2Cost,
        threads, updates, typoCorrection);
  }

  public OpenNlpSettings withL1Cost(double value) {
    return new OpenNlpSettings(algorithm, iterations, cutoff, charNgrams, wordBigrams, value,
        l2Cost, threads, updates, typoCorrection);
  }

  public OpenNlpSettings withL2Cost(double value) {
    return new OpenNlpSettings(algorithm, iterations, cutoff, charNgrams, wordBigrams, l1Cost,
        value, threads, updates, typoCorrection);
  }

  public OpenNlpSettings withThreads(int value) {
    return new OpenNlpSettings(algorithm, iterations, cutoff, charNgrams, wordBigrams, l1Cost,
        l2Cost, value, updates, typoCorrection);
  }

  public OpenNlpSettings withUpdates(int value) {
    return new OpenNlpSettings(algorithm, iterations, cutoff, charNgrams, wordBigrams, l1Cost,
        l2Cost, threads, value, typoCorrection);
  }

  public OpenNlpSettings withTypoCorrection(boolean value) {
    return new OpenNlpSettings(algorithm, iterations, cutoff, charNgrams, wordBigrams, l1Cost,
        l2Cost, threads, updates, value);
  }
}
