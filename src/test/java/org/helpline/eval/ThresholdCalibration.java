package org.helpline.eval;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;
import org.helpline.content.Content;
import org.helpline.content.DialogAction;
import org.helpline.content.Example;
import org.helpline.conversation.HelplineBot;
import org.helpline.conversation.Redactor;
import org.helpline.dialog.DialogEngine;
import org.helpline.dialog.NluThresholds;
import org.helpline.dialog.QuickReply;
import org.helpline.nlu.TextNormaliser;
import org.helpline.nlu.opennlp.OpenNlpSettings;
import org.helpline.safety.SafetyScreen;

/**
 * Calibrates the four {@link NluThresholds} by k-fold cross-validation on {@code intents/}
 * only: every example is classified by the fold model that never saw it and taken through the
 * whole turn (safety screen, classifier, dialog engine) as a fresh conversation, once per
 * threshold setting. Each threshold is swept with the other three at the values in force.
 * The development and blind test sets are never read, so they stay fit to report on.
 *
 * <p>Score of a setting, per message, as the mean over in-scope examples plus the mean over
 * out-of-scope ones: right answer +1, wrong answer -2 (misinformation), fallback 0, out-of-scope
 * rejected +1, out-of-scope answered 0; a clarification is worth a share {@code h} of what it
 * leads to, since it costs a turn ({@code h} when it offers the right intent, else {@code h}
 * times the fallback the person then gets: 0 in scope, 1 out of scope). {@link #CLARIFY_WORTH}
 * is 0.5; verdicts are checked at 0.25 and 0.75 too. Without clarifications this is the
 * README's criterion (correct + rejected - 2 x wrong).
 */
final class ThresholdCalibration {

  /** The share of its outcome a clarification is worth (it costs the person a turn). */
  static final double CLARIFY_WORTH = 0.5;

  /**
   * What one setting did on every out-of-fold example.
   *
   * @param utility each example's score at {@link #CLARIFY_WORTH}, in a fixed order
   * @param outOfScope which examples are out of scope, in the same order
   */
  record Result(NluThresholds thresholds, int inScope, int right, int wrong, int clarifiedRight,
      int clarifiedOther, int outOfScope, int rejected, int outOfScopeClarified,
      int alarming, int escalatedRight, int others, int falseAlarms, int falseAlarmsByClassifier,
      double[] utility, boolean[] outOfScopeExamples) {

    /** The score with clarifications worth {@link #CLARIFY_WORTH} of their outcome. */
    double score() {
      return score(CLARIFY_WORTH);
    }

    /** The score with clarifications worth {@code h} of their outcome. */
    double score(double h) {
      return (right - 2.0 * wrong + h * clarifiedRight) / Math.max(1, inScope)
          + (rejected + h * outOfScopeClarified) / Math.max(1, outOfScope);
    }

    Proportion answeredRight() {
      return new Proportion(right, inScope);
    }

    Proportion answeredWrong() {
      return new Proportion(wrong, inScope);
    }

    Proportion rejection() {
      return new Proportion(rejected, outOfScope);
    }

    Proportion safetyRecall() {
      return new Proportion(escalatedRight, alarming);
    }

    Proportion safetyFalseAlarms() {
      return new Proportion(falseAlarms, others);
    }
  }

  /**
   * A setting against the one in force, example by example.
   *
   * @param better examples that score higher under the setting
   * @param worse examples that score lower
   * @param difference the setting's score minus the one in force
   * @param p two-sided p-value of that difference (paired z-test over the examples)
   */
  record Paired(int better, int worse, double difference, double p) {
  }

  private final Content content;
  private final List<CrossValidation.Fold> folds;
  private final SafetyScreen screen;
  private final Redactor redactor;
  private final int maxMisunderstandings;
  private final NluThresholds inForce;
  private final Map<String, String> escalationTypes = new HashMap<>();
  private final Map<NluThresholds, Result> results = new HashMap<>();

  ThresholdCalibration(Content content, OpenNlpSettings settings, int folds,
      NluThresholds inForce, int maxMisunderstandings) {
    this.content = content;
    this.folds = CrossValidation.folds(content, settings, folds);
    this.screen = new SafetyScreen(content.safety(), new TextNormaliser(content.spelling()));
    this.redactor = Redactor.forContent(content);
    this.maxMisunderstandings = maxMisunderstandings;
    this.inForce = inForce;
    content.dialogs().forEach((id, d) -> {
      if (d.action() == DialogAction.ESCALATE && d.escalation() != null) {
        escalationTypes.put(id, d.escalation().type());
      }
    });
  }

  int folds() {
    return folds.size();
  }

  NluThresholds inForce() {
    return inForce;
  }

  /** Runs every out-of-fold example through the whole turn at these thresholds. */
  Result run(NluThresholds t) {
    Result known = results.get(t);
    if (known != null) {
      return known;
    }
    DialogEngine engine = new DialogEngine(content, t, maxMisunderstandings);
    List<Evaluator.Outcome> outcomes = new ArrayList<>();
    for (CrossValidation.Fold fold : folds) {
      HelplineBot bot = new HelplineBot(content, screen, fold.classifier(), engine, Duration.ZERO,
          false, redactor);
      List<LabelledText> messages = fold.test().stream()
          .map((Example e) -> new LabelledText(e.intent(), e.text())).toList();
      outcomes.addAll(Evaluator.run(bot, messages));
    }
    Result r = score(t, outcomes);
    results.put(t, r);
    return r;
  }

  private Result score(NluThresholds t, List<Evaluator.Outcome> outcomes) {
    int inScope = 0;
    int right = 0;
    int wrong = 0;
    int clarifiedRight = 0;
    int clarifiedOther = 0;
    int oos = 0;
    int rejected = 0;
    int oosClarified = 0;
    int alarming = 0;
    int escalatedRight = 0;
    int others = 0;
    int falseAlarms = 0;
    int byClassifier = 0;
    double[] utility = new double[outcomes.size()];
    boolean[] outOfScope = new boolean[outcomes.size()];
    for (int i = 0; i < outcomes.size(); i++) {
      Evaluator.Outcome o = outcomes.get(i);
      String expected = o.expected().intent();
      DialogAction action = o.turn().action();
      boolean acted = action == DialogAction.ANSWER || action == DialogAction.HANDOFF
          || action == DialogAction.ESCALATE;
      boolean clarified = action == DialogAction.CLARIFY;
      if (Content.OUT_OF_SCOPE.equals(expected)) {
        oos++;
        outOfScope[i] = true;
        if (action == DialogAction.FALLBACK) {
          rejected++;
          utility[i] = 1;
        } else if (clarified) {
          oosClarified++;
          utility[i] = CLARIFY_WORTH;
        }
      } else {
        inScope++;
        if (acted && expected.equals(o.turn().intent())) {
          right++;
          utility[i] = 1;
        } else if (acted && action != DialogAction.ESCALATE) {
          wrong++;
          utility[i] = -2;
        } else if (clarified && o.turn().quickReplies().stream().map(QuickReply::payload)
            .anyMatch(expected::equals)) {
          clarifiedRight++;
          utility[i] = CLARIFY_WORTH;
        } else if (clarified) {
          clarifiedOther++;
        }
      }
      String type = escalationTypes.get(expected);
      if (type != null) {
        alarming++;
        if (o.turn().escalation().map(e -> e.type().equals(type)).orElse(false)) {
          escalatedRight++;
        }
      } else {
        others++;
        if (action == DialogAction.ESCALATE) {
          falseAlarms++;
          if (o.turn().escalation().map(e -> e.trigger().equals("classifier")).orElse(false)) {
            byClassifier++;
          }
        }
      }
    }
    return new Result(t, inScope, right, wrong, clarifiedRight, clarifiedOther, oos, rejected,
        oosClarified, alarming, escalatedRight, others, falseAlarms, byClassifier, utility,
        outOfScope);
  }

  /** Every pair of minimum confidence and margin, best first (ties: the values in force). */
  List<Result> confidenceAndMargin() {
    List<Result> out = new ArrayList<>();
    for (int c = 10; c <= 95; c += 5) {
      for (int m = 0; m <= 60; m += 5) {
        out.add(run(new NluThresholds(c / 100.0, m / 100.0, inForce.clarifyFloor(),
            inForce.safetyNetConfidence())));
      }
    }
    out.sort(byScore());
    return out;
  }

  /** Clarify floors from 0.05 to 0.50, in order. */
  List<Result> clarifyFloor() {
    return sweep(5, 50, v -> new NluThresholds(inForce.minConfidence(), inForce.minMargin(), v,
        inForce.safetyNetConfidence()));
  }

  /** Safety-net confidences from 0.10 to 0.90, in order. */
  List<Result> safetyNet() {
    return sweep(10, 90, v -> new NluThresholds(inForce.minConfidence(), inForce.minMargin(),
        inForce.clarifyFloor(), v));
  }

  private List<Result> sweep(int fromPercent, int toPercent,
      DoubleFunction<NluThresholds> setting) {
    List<Result> out = new ArrayList<>();
    for (int v = fromPercent; v <= toPercent; v += 5) {
      out.add(run(setting.apply(v / 100.0)));
    }
    return out;
  }

  /** The best by score; ties go to the values in force, then to the lower thresholds. */
  Comparator<Result> byScore() {
    return Comparator.comparingDouble((Result r) -> -round(r.score()))
        .thenComparing(r -> !r.thresholds().equals(inForce))
        .thenComparingDouble(r -> r.thresholds().minConfidence())
        .thenComparingDouble(r -> r.thresholds().minMargin())
        .thenComparingDouble(r -> r.thresholds().clarifyFloor())
        .thenComparingDouble(r -> r.thresholds().safetyNetConfidence());
  }

  /**
   * Whether {@code a} dominates {@code b} for safety: escalates at least as many emergency and
   * self-harm examples with at most as many false alarms, and is better on one of the two.
   */
  static boolean dominates(Result a, Result b) {
    return a.escalatedRight() >= b.escalatedRight() && a.falseAlarms() <= b.falseAlarms()
        && (a.escalatedRight() > b.escalatedRight() || a.falseAlarms() < b.falseAlarms());
  }

  /**
   * A setting against the values in force, example by example. The score is a mean over
   * in-scope examples plus one over out-of-scope examples, so its difference has the variance
   * var(in-scope differences) / n + var(out-of-scope differences) / m (paired z-test).
   */
  Paired against(Result other) {
    Result base = run(inForce);
    int better = 0;
    int worse = 0;
    double[] sum = new double[2];
    double[] squares = new double[2];
    int[] n = new int[2];
    for (int i = 0; i < base.utility().length; i++) {
      double d = other.utility()[i] - base.utility()[i];
      if (d > 1e-12) {
        better++;
      } else if (d < -1e-12) {
        worse++;
      }
      int group = base.outOfScopeExamples()[i] ? 1 : 0;
      sum[group] += d;
      squares[group] += d * d;
      n[group]++;
    }
    double difference = 0;
    double variance = 0;
    for (int g = 0; g < 2; g++) {
      if (n[g] > 1) {
        double mean = sum[g] / n[g];
        difference += mean;
        variance += (squares[g] - n[g] * mean * mean) / (n[g] - 1) / n[g];
      }
    }
    double p = variance <= 0 ? (Math.abs(difference) < 1e-12 ? 1 : 0)
        : 2 * (1 - normalCdf(Math.abs(difference) / Math.sqrt(variance)));
    return new Paired(better, worse, difference, p);
  }

  /** The standard normal distribution function (Abramowitz and Stegun 7.1.26, error < 2e-7). */
  static double normalCdf(double z) {
    double x = Math.abs(z) / Math.sqrt(2);
    double t = 1 / (1 + 0.3275911 * x);
    double erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741
        + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-x * x);
    return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
  }

  /** Scores are sums of many small rates: compare them at a precision they can carry. */
  private static double round(double score) {
    return Math.rint(score * 1e9) / 1e9;
  }

  static String thresholds(NluThresholds t) {
    return String.format(Locale.ROOT, "%.2f / %.2f / %.2f / %.2f", t.minConfidence(),
        t.minMargin(), t.clarifyFloor(), t.safetyNetConfidence());
  }
}
