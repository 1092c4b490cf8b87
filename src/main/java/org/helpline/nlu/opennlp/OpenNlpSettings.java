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
 *     one sums the gradient in another order and gives a different (reproducible) model
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
    return builder().build();
  }

  /** A builder that starts from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds settings one change at a time, starting from the defaults. */
  public static final class Builder {

    private String algorithm = "MAXENT_QN";
    private int iterations = 100;
    private int cutoff = 1;
    private boolean charNgrams = true;
    private boolean wordBigrams;
    private double l1Cost = QN_DEFAULT_COST;
    private double l2Cost = QN_DEFAULT_COST;
    private int threads = 1;
    private int updates = QN_DEFAULT_UPDATES;
    private boolean typoCorrection = true;

    private Builder() {
    }

    public Builder algorithm(String value) {
      algorithm = value;
      return this;
    }

    public Builder iterations(int value) {
      iterations = value;
      return this;
    }

    public Builder cutoff(int value) {
      cutoff = value;
      return this;
    }

    public Builder charNgrams(boolean value) {
      charNgrams = value;
      return this;
    }

    public Builder wordBigrams(boolean value) {
      wordBigrams = value;
      return this;
    }

    public Builder l1Cost(double value) {
      l1Cost = value;
      return this;
    }

    public Builder l2Cost(double value) {
      l2Cost = value;
      return this;
    }

    public Builder threads(int value) {
      threads = value;
      return this;
    }

    public Builder updates(int value) {
      updates = value;
      return this;
    }

    public Builder typoCorrection(boolean value) {
      typoCorrection = value;
      return this;
    }

    public OpenNlpSettings build() {
      return new OpenNlpSettings(algorithm, iterations, cutoff, charNgrams, wordBigrams, l1Cost,
          l2Cost, threads, updates, typoCorrection);
    }
  }
}
