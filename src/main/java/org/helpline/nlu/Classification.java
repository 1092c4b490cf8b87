package org.helpline.nlu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the classifier made of one message: the normalised text and every intent ranked by
 * probability, best first, ties in alphabetical order of the intent.
 *
 * <p>A classifier that scores every intent builds it with {@link #of}: the best two are found
 * in one pass, and the whole ranking is sorted only when someone asks for it. A turn of the bot
 * reads the top two and the few intents above a floor; ranking all intents for every message
 * was most of the classifier's time on a 150-intent model ({@code docs/benchmarks.md}).
 * Immutable and safe to share between threads.
 */
public final class Classification {

  private static final IntentScore NONE = new IntentScore("", 0.0);

  private final String text;
  /** Every intent's name and probability, by the classifier's index; null when built ranked. */
  private final String[] intents;
  private final double[] probabilities;
  private final IntentScore top;
  private final IntentScore second;
  /** The full ranking once computed; an immutable list, so a racy first read is harmless. */
  private List<IntentScore> ranking;

  /** A classification with its ranking given, best first. */
  public Classification(String text, List<IntentScore> ranking) {
    this.text = text;
    this.intents = null;
    this.probabilities = null;
    this.ranking = List.copyOf(ranking);
    this.top = this.ranking.isEmpty() ? NONE : this.ranking.get(0);
    this.second = this.ranking.size() < 2 ? NONE : this.ranking.get(1);
  }

  private Classification(String text, String[] intents, double[] probabilities, int best,
      int runnerUp) {
    this.text = text;
    this.intents = intents;
    this.probabilities = probabilities;
    this.top = score(best);
    this.second = runnerUp < 0 ? NONE : score(runnerUp);
  }

  /**
   * A classification from one probability per intent. Neither array may change afterwards
   * (the classifier passes a fresh {@code probabilities} array and its own, fixed, names).
   */
  public static Classification of(String text, String[] intents, double[] probabilities) {
    if (intents.length != probabilities.length) {
      throw new IllegalArgumentException("one probability per intent");
    }
    if (intents.length == 0) {
      return new Classification(text, List.of());
    }
    int best = 0;
    int runnerUp = -1;
    for (int i = 1; i < intents.length; i++) {
      if (before(intents, probabilities, i, best)) {
        runnerUp = best;
        best = i;
      } else if (runnerUp < 0 || before(intents, probabilities, i, runnerUp)) {
        runnerUp = i;
      }
    }
    return new Classification(text, intents, probabilities, best, runnerUp);
  }

  /** A classification that is certain of one intent, as when a person taps a quick reply. */
  public static Classification certain(String text, String intent) {
    return new Classification(text, List.of(new IntentScore(intent, 1.0)));
  }

  /** The normalised text that was classified. */
  public String text() {
    return text;
  }

  /** Every intent, best first; empty when the classifier knew nothing of the message. */
  public List<IntentScore> ranking() {
    List<IntentScore> known = ranking;
    if (known == null) {
      known = sorted(indices(Double.NEGATIVE_INFINITY));
      ranking = known;
    }
    return known;
  }

  /**
   * The intents whose probability is at least {@code floor}, best first: the ranking's head,
   * without sorting the rest.
   */
  public List<IntentScore> atLeast(double floor) {
    if (intents == null || ranking != null) {
      List<IntentScore> head = new ArrayList<>();
      for (IntentScore s : ranking()) {
        if (s.confidence() < floor) {
          break;
        }
        head.add(s);
      }
      return List.copyOf(head);
    }
    return sorted(indices(floor));
  }

  public IntentScore top() {
    return top;
  }

  /** The runner-up, or a zero score when there is none. */
  public IntentScore second() {
    return second;
  }

  /** Distance between the best and the second-best probability. */
  public double margin() {
    return top.confidence() - second.confidence();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Classification c && text.equals(c.text) && ranking().equals(c.ranking());
  }

  @Override
  public int hashCode() {
    return Objects.hash(text, ranking());
  }

  @Override
  public String toString() {
    return "Classification[text=" + text + ", top=" + top + ", second=" + second + "]";
  }

  private IntentScore score(int i) {
    return new IntentScore(intents[i], probabilities[i]);
  }

  private int[] indices(double floor) {
    int[] kept = new int[probabilities.length];
    int n = 0;
    for (int i = 0; i < probabilities.length; i++) {
      if (probabilities[i] >= floor) {
        kept[n++] = i;
      }
    }
    return Arrays.copyOf(kept, n);
  }

  /** The scores of these indices, best first: a merge sort of plain ints. */
  private List<IntentScore> sorted(int[] a) {
    int n = a.length;
    int[] b = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + 2 * width, n);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
          if (i < mid && (j >= hi || !before(intents, probabilities, a[j], a[i]))) {
            b[k] = a[i++];
          } else {
            b[k] = a[j++];
          }
        }
      }
      int[] t = a;
      a = b;
      b = t;
    }
    IntentScore[] scores = new IntentScore[n];
    for (int k = 0; k < n; k++) {
      scores[k] = score(a[k]);
    }
    return List.of(scores);
  }

  /** Whether intent {@code x} ranks before {@code y}: higher probability, then name. */
  private static boolean before(String[] intents, double[] p, int x, int y) {
    int c = Double.compare(p[y], p[x]);
    return c < 0 || c == 0 && intents[x].compareTo(intents[y]) < 0;
  }
}
