package org.helpline.nlu.opennlp;

import java.util.function.Consumer;

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
    return of(spec -> { });
  }

  /** The defaults with some changed, as in {@code of(s -> s.iterations = 40)}. */
  public static OpenNlpSettings of(Consumer<Spec> changes) {
    Spec spec = new Spec();
    changes.accept(spec);
    return new OpenNlpSettings(spec.algorithm, spec.iterations, spec.cutoff, spec.charNgrams,
        spec.wordBigrams, spec.l1Cost, spec.l2Cost, spec.threads, spec.updates,
        spec.typoCorrection);
  }

  /**
   * The settings while they are being changed: open fields holding the defaults, so one
   * lambda can change any of them without a setter per component.
   */
  public static final class Spec {
    public String algorithm = "MAXENT_QN";
    public int iterations = 100;
    public int cutoff = 1;
    public boolean charNgrams = true;
    public boolean wordBigrams;
    public double l1Cost = QN_DEFAULT_COST;
    public double l2Cost = QN_DEFAULT_COST;
    public int threads = 1;
    public int updates = QN_DEFAULT_UPDATES;
    public boolean typoCorrection = true;

    private Spec() {
    }
  }
}
