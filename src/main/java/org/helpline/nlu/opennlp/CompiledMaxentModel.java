package org.helpline.nlu.opennlp;

import java.util.Map;
import java.util.Optional;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

/**
 * A trained L-BFGS maxent model ({@code MAXENT_QN}) laid out for fast evaluation, giving
 * bit-for-bit the probabilities of OpenNLP's own {@code QNModel.eval}.
 *
 * <p>Each feature string is mapped once, at load time, to an int; its non-zero parameters sit
 * in flat arrays (outcome ids and weights, feature after feature). Features can be looked up from a
 * prefix and a slice of a {@code char[]}, so the classifier finds a character n-gram's weights
 * without building its string. Evaluation adds the weights in the order of the features and
 * normalises with {@link StrictMath} exactly as {@code QNModel} and
 * {@code ArrayMath.logSumOfExps} do, so every probability equals OpenNLP's
 * ({@code CompiledMaxentModelTest}). Immutable; one instance serves all threads.
 */
final class CompiledMaxentModel {

  private final String[] outcomes;
  /** Open-addressing table: feature string to feature id, linear probing. */
  private final String[] keys;
  private final int[] ids;
  private final int mask;
  /** Feature {@code f}'s weights are {@code weights[start[f] .. start[f + 1])}. */
  private final int[] start;
  private final int[] outcomeOf;
  private final double[] weights;

  private CompiledMaxentModel(String[] outcomes, Map<String, Context> pmap) {
    this.outcomes = outcomes.clone();
    int capacity = Integer.highestOneBit(Math.max(4, pmap.size() * 2 - 1)) << 1;
    keys = new String[capacity];
    ids = new int[capacity];
    mask = capacity - 1;
    start = new int[pmap.size() + 1];
    int total = 0;
    for (Context c : pmap.values()) {
      for (double p : c.getParameters()) {
        total += p == 0.0 ? 0 : 1;
      }
    }
    outcomeOf = new int[total];
    weights = new double[total];
    int feature = 0;
    int at = 0;
    for (Map.Entry<String, Context> e : pmap.entrySet()) {
      String key = e.getKey();
      int slot = spread(key.hashCode()) & mask;
      while (keys[slot] != null) {
        slot = (slot + 1) & mask;
      }
      keys[slot] = key;
      ids[slot] = feature;
      start[feature] = at;
      int[] os = e.getValue().getOutcomes();
      double[] ps = e.getValue().getParameters();
      for (int k = 0; k < os.length; k++) {
        // Adding 0.0 leaves every sum as it was, so the weights L1 regularisation zeroed out
        // are dropped: most of them on CLINC, and with them most of the additions.
        if (ps[k] != 0.0) {
          outcomeOf[at] = os[k];
          weights[at++] = ps[k];
        }
      }
      feature++;
    }
    start[feature] = at;
  }

  /** The compiled form of an L-BFGS model; empty for other model types (GIS, perceptron...). */
  @SuppressWarnings("unchecked") // getDataStructures() documents [Context[], Map, String[]]
  static Optional<CompiledMaxentModel> of(MaxentModel model) {
    if (!(model instanceof AbstractModel m)
        || m.getModelType() != AbstractModel.ModelType.MaxentQn) {
      return Optional.empty();
    }
    Object[] data = m.getDataStructures();
    return Optional.of(new CompiledMaxentModel((String[]) data[2],
        (Map<String, Context>) data[1]));
  }

  int numOutcomes() {
    return outcomes.length;
  }

  String outcome(int i) {
    return outcomes[i];
  }

  /** The id of a feature, or -1 when training never saw it. */
  int index(String feature) {
    int h = feature.hashCode();
    for (int slot = spread(h) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
      if (keys[slot].equals(feature)) {
        return ids[slot];
      }
    }
    return -1;
  }

  /**
   * The id of the feature {@code prefix + chars[from .. from + length)}, or -1 when training
   * never saw it; builds no string.
   */
  int index(String prefix, char[] chars, int from, int length) {
    int h = prefix.hashCode();
    for (int i = from; i < from + length; i++) {
      h = 31 * h + chars[i];
    }
    int p = prefix.length();
    for (int slot = spread(h) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
      String key = keys[slot];
      if (key.length() == p + length && key.startsWith(prefix) && sameChars(key, p, chars, from,
          length)) {
        return ids[slot];
      }
    }
    return -1;
  }

  /** The id of the feature {@code prefix + word}, or -1; builds no string. */
  int index(String prefix, String word) {
    int h = prefix.hashCode();
    for (int i = 0; i < word.length(); i++) {
      h = 31 * h + word.charAt(i);
    }
    int p = prefix.length();
    for (int slot = spread(h) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
      String key = keys[slot];
      if (key.length() == p + word.length() && key.startsWith(prefix)
          && key.regionMatches(p, word, 0, word.length())) {
        return ids[slot];
      }
    }
    return -1;
  }

  /**
   * Outcome probabilities for the features {@code features[0 .. count)} (ids, in context
   * order; unknown features already left out, as OpenNLP skips them).
   */
  double[] eval(int[] features, int count) {
    double[] probs = new double[outcomes.length];
    for (int f = 0; f < count; f++) {
      int feature = features[f];
      for (int k = start[feature], end = start[feature + 1]; k < end; k++) {
        // QNModel adds 1.0 * weight; multiplying by 1.0 is exact, so this is the same sum.
        probs[outcomeOf[k]] += weights[k];
      }
    }
    double logSumExp = logSumOfExps(probs);
    for (int o = 0; o < probs.length; o++) {
      probs[o] = StrictMath.exp(probs[o] - logSumExp);
    }
    return probs;
  }

  /** As {@code opennlp.tools.ml.ArrayMath.logSumOfExps}, operation for operation. */
  private static double logSumOfExps(double[] x) {
    int argmax = 0;
    for (int i = 1; i < x.length; i++) {
      if (x[argmax] < x[i]) {
        argmax = i;
      }
    }
    double max = x[argmax];
    double sum = 0.0;
    for (double value : x) {
      if (value != Double.NEGATIVE_INFINITY) {
        sum += StrictMath.exp(value - max);
      }
    }
    return max + StrictMath.log(sum);
  }

  private static boolean sameChars(String key, int offset, char[] chars, int from, int length) {
    for (int i = 0; i < length; i++) {
      if (key.charAt(offset + i) != chars[from + i]) {
        return false;
      }
    }
    return true;
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }
}
