package org.helpline.nlu;

import java.util.List;

/**
 * What the classifier made of one message: the normalised text and every intent ranked by
 * probability, best first.
 */
public record Classification(String text, List<IntentScore> ranking) {

  public Classification {
    ranking = List.copyOf(ranking);
  }

  /** A classification that is certain of one intent, as when a person taps a quick reply. */
  public static Classification certain(String text, String intent) {
    return new Classification(text, List.of(new IntentScore(intent, 1.0)));
  }

  public IntentScore top() {
    return ranking.isEmpty() ? new IntentScore("", 0.0) : ranking.get(0);
  }

  /** The runner-up, or a zero score when there is none. */
  public IntentScore second() {
    return ranking.size() < 2 ? new IntentScore("", 0.0) : ranking.get(1);
  }

  /** Distance between the best and the second-best probability. */
  public double margin() {
    return top().confidence() - second().confidence();
  }
}
