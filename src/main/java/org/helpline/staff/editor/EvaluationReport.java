package org.helpline.staff.editor;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.helpline.eval.Evaluator;
import org.helpline.eval.Proportion;

/**
 * How the running model did on the development set (fractions 0..1). The set has steered
 * content and settings, so these figures are optimistic: a guide for editors, not a claim.
 *
 * @param accuracy top-1 intent accuracy on in-scope messages
 * @param answeredRight in-scope messages answered (or handed off) with the right intent
 * @param answeredWrong in-scope messages answered with a wrong intent
 * @param outOfScopeRejection out-of-scope messages the bot declined (fallback)
 * @param intervals the 95 % Wilson score interval of each of those four figures
 */
public record EvaluationReport(String contentVersion, Instant evaluatedAt, int inScope,
    int outOfScope, double accuracy, double answeredRight, double answeredWrong,
    double outOfScopeRejection, Intervals intervals, List<IntentFigures> perIntent,
    List<Confusion> confused) {

  /** Most confused pairs reported. */
  static final int MAX_CONFUSED = 20;

  public EvaluationReport {
    perIntent = List.copyOf(perIntent);
    confused = List.copyOf(confused);
  }

  /** Precision, recall and F1 of one intent, and how many development messages it has. */
  public record IntentFigures(String intent, double precision, double recall, double f1,
      int support) {
  }

  /** A 95 % Wilson score interval (fractions 0..1). */
  public record Interval(double lower, double upper) {

    static Interval of(Proportion p) {
      return new Interval(p.wilsonLower(), p.wilsonUpper());
    }
  }

  /** The intervals of the report's four headline figures, under the same names. */
  public record Intervals(Interval accuracy, Interval answeredRight, Interval answeredWrong,
      Interval outOfScopeRejection) {
  }

  /** An intent often taken for another. */
  public record Confusion(String expected, String predicted, int count) {
  }

  /** The report of an {@link Evaluator} run. */
  static EvaluationReport of(String contentVersion, Instant at, Evaluator.Report r) {
    List<IntentFigures> perIntent = r.perIntent().entrySet().stream()
        .map(e -> new IntentFigures(e.getKey(), e.getValue()[0], e.getValue()[1],
            e.getValue()[2], (int) e.getValue()[3]))
        .toList();
    List<Confusion> confused = r.confusions().stream().limit(MAX_CONFUSED)
        .map(EvaluationReport::confusion).toList();
    return new EvaluationReport(contentVersion, at, r.inScope(), r.outOfScope(),
        r.intentAccuracy(), r.answeredCorrectly(), r.answeredWrongly(),
        r.outOfScopeRejection(), new Intervals(Interval.of(r.accuracy()),
        Interval.of(r.answeredRight()), Interval.of(r.answeredWrong()),
        Interval.of(r.rejection())), perIntent, confused);
  }

  private static Confusion confusion(Map.Entry<String, Integer> e) {
    // Evaluator keys confusions as "expected -> predicted".
    int arrow = e.getKey().indexOf(" -> ");
    return new Confusion(e.getKey().substring(0, arrow), e.getKey().substring(arrow + 4),
        e.getValue());
  }
}
