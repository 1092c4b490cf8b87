package org.helpline.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.helpline.content.DialogAction;
import org.helpline.conversation.HelplineBot;

/**
 * A draft's bot beside the published bot on the packaged sets (issue 18, "Try before it is
 * live"): before a draft goes to clinical sign-off, its editor sees what the change does to
 * understanding and to safety, and a draft that escalates any message the published bot
 * escalates cannot be submitted. Pure: it takes two built bots and the sets and returns records
 * ready for JSON; building the bots, caching and showing the report are the caller's.
 *
 * <p>What may be shown follows {@link EvaluationSets}: the blind test set gives only aggregate
 * figures (an accuracy, a recall, a count of lost escalations), so editors cannot tune on it;
 * the per-intent figures and the examples that changed come from the development set, and the
 * lost escalations listed come from the rules' regression set.
 */
public final class Comparison {

  /** Smallest change of an intent's F1 (0..1) reported; anything less is rounding. */
  public static final double EPSILON = 0.005;
  /** Most changed development examples listed. */
  public static final int MAX_CHANGED = 200;

  private Comparison() {
  }

  /**
   * One bot's figures, each {@code null} when the build has no such set.
   *
   * @param developmentAccuracy top-1 intent accuracy on the development set's in-scope messages
   * @param testAccuracy the same on the blind test set
   * @param safetyRecall the blind test set's messages that must escalate, escalated as their
   *     category requires ({@link #escalated}): the honest recall
   * @param safetyRegression the same on the rules' regression set, which holds the rules' own
   *     phrases: 100 % says the rules still fire as written, not how many real messages they
   *     catch
   */
  public record Figures(String contentVersion, Proportion developmentAccuracy,
      Proportion testAccuracy, Proportion safetyRecall, Proportion safetyRegression) {
  }

  /**
   * An intent whose F1 on the development set changed.
   *
   * @param support the development messages labelled with the intent
   */
  public record IntentChange(String intent, double f1Before, double f1After, int support) {

    public double change() {
      return f1After - f1Before;
    }
  }

  /**
   * A development message that the draft understands or answers differently.
   *
   * @param expected the intent it is labelled with
   * @param predictedBefore the published bot's top intent
   * @param actionBefore the published bot's action ({@code answer}, {@code handoff}, ...)
   */
  public record ChangedExample(String text, String expected, String predictedBefore,
      String actionBefore, String predictedAfter, String actionAfter) {
  }

  /**
   * A message of the regression set that the published bot escalates and the draft does not.
   *
   * @param category what it must escalate as ({@link EvaluationSets#SAFETY_CATEGORIES})
   * @param actionAfter what the draft does instead
   * @param escalationAfter the type the draft escalates it as, or null
   */
  public record LostEscalation(String text, String category, String actionAfter,
      String escalationAfter) {
  }

  /**
   * The comparison.
   *
   * @param better intents whose development F1 rose by more than {@link #EPSILON}, most first
   * @param worse intents whose development F1 fell by more than {@link #EPSILON}, most first
   * @param changedCount how many development messages changed outcome
   * @param changed up to {@link #MAX_CHANGED} of them: right to wrong first, then wrong to
   *     right, then the rest, each in the set's order
   * @param lostEscalations the regression set's messages the draft no longer escalates
   * @param testEscalationsLost how many of the blind set's safety messages the draft no longer
   *     escalates (a count only: the blind set is never listed)
   */
  @JsonIgnoreProperties(value = "safetyLowered", allowGetters = true)
  public record Report(Figures published, Figures draft, List<IntentChange> better,
      List<IntentChange> worse, int changedCount, List<ChangedExample> changed,
      List<LostEscalation> lostEscalations, int testEscalationsLost) {

    public Report {
      better = List.copyOf(better);
      worse = List.copyOf(worse);
      changed = List.copyOf(changed);
      lostEscalations = List.copyOf(lostEscalations);
    }

    /**
     * Whether the draft fails to escalate a safety message that the published bot escalates.
     * Counted message by message, not by comparing rates, so that one message lost and
     * another gained does not pass; such a draft cannot be submitted.
     */
    @JsonProperty("safetyLowered")
    public boolean safetyLowered() {
      return !lostEscalations.isEmpty() || testEscalationsLost > 0;
    }
  }

  /** Runs both bots over every set the build has and compares them. */
  public static Report compare(HelplineBot published, HelplineBot draft, EvaluationSets sets) {
    Run before = Run.of(published, sets);
    Run after = Run.of(draft, sets);
    List<IntentChange> changes = intentChanges(before.developmentReport(),
        after.developmentReport());
    List<IntentChange> better = changes.stream().filter(c -> c.change() > EPSILON)
        .sorted(Comparator.comparingDouble(IntentChange::change).reversed()).toList();
    List<IntentChange> worse = changes.stream().filter(c -> c.change() < -EPSILON)
        .sorted(Comparator.comparingDouble(IntentChange::change)).toList();
    List<ChangedExample> changed = changedExamples(
        before.development.orElse(List.of()), after.development.orElse(List.of()));
    List<LostEscalation> lost = lost(before.regression, after.regression).stream()
        .map(o -> new LostEscalation(o.expected().text(), o.expected().intent(),
            o.turn().action().id(), o.turn().escalation().map(e -> e.type()).orElse(null)))
        .toList();
    return new Report(before.figures(), after.figures(), better, worse, changed.size(),
        changed.stream().limit(MAX_CHANGED).toList(), lost,
        lost(before.safetyTest, after.safetyTest).size());
  }

  /**
   * Whether a message that must escalate did, as {@code BlindSetTest} grades it (its label is
   * the category): an emergency or self-harm escalated as that type, a treatment red flag
   * escalated at all (its rules escalate as a medical emergency).
   */
  public static boolean escalated(Evaluator.Outcome o) {
    String category = o.expected().intent();
    if ("treatment_red_flag".equals(category)) {
      return o.turn().action() == DialogAction.ESCALATE;
    }
    return o.turn().escalation().map(e -> e.type().equals(category)).orElse(false);
  }

  /** One bot's outcomes on each set the build has. */
  private record Run(HelplineBot bot, Optional<List<Evaluator.Outcome>> development,
      Optional<List<Evaluator.Outcome>> test, Optional<List<Evaluator.Outcome>> regression,
      Optional<List<Evaluator.Outcome>> safetyTest) {

    static Run of(HelplineBot bot, EvaluationSets sets) {
      return new Run(bot, sets.development().map(m -> Evaluator.run(bot, m)),
          sets.test().map(m -> Evaluator.run(bot, m)),
          sets.safetyRegression().map(m -> Evaluator.run(bot, m)),
          sets.safetyTest().map(m -> Evaluator.run(bot, m)));
    }

    Optional<Evaluator.Report> developmentReport() {
      return development.map(Evaluator::report);
    }

    Figures figures() {
      return new Figures(bot.content().version(),
          developmentReport().map(Evaluator.Report::accuracy).orElse(null),
          test.map(o -> Evaluator.report(o).accuracy()).orElse(null),
          safetyTest.map(Comparison::recall).orElse(null),
          regression.map(Comparison::recall).orElse(null));
    }
  }

  private static Proportion recall(List<Evaluator.Outcome> outcomes) {
    return new Proportion((int) outcomes.stream().filter(Comparison::escalated).count(),
        outcomes.size());
  }

  /** Every intent of either report with its F1 before and after (0 where it has none). */
  private static List<IntentChange> intentChanges(Optional<Evaluator.Report> before,
      Optional<Evaluator.Report> after) {
    if (before.isEmpty() || after.isEmpty()) {
      return List.of();
    }
    Map<String, double[]> was = before.get().perIntent();
    Map<String, double[]> is = after.get().perIntent();
    TreeSet<String> intents = new TreeSet<>(was.keySet());
    intents.addAll(is.keySet());
    double[] none = new double[4];
    return intents.stream().map(intent -> {
      double[] b = was.getOrDefault(intent, none);
      double[] a = is.getOrDefault(intent, none);
      // Both runs label the same messages, so the support is the same on either side.
      return new IntentChange(intent, b[2], a[2], (int) Math.max(b[3], a[3]));
    }).toList();
  }

  /** The messages whose top intent or action changed, right to wrong first. */
  private static List<ChangedExample> changedExamples(List<Evaluator.Outcome> before,
      List<Evaluator.Outcome> after) {
    List<ChangedExample> out = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      Evaluator.Outcome b = before.get(i);
      Evaluator.Outcome a = after.get(i);
      if (!b.predicted().equals(a.predicted()) || b.turn().action() != a.turn().action()) {
        out.add(new ChangedExample(b.expected().text(), b.expected().intent(), b.predicted(),
            b.turn().action().id(), a.predicted(), a.turn().action().id()));
      }
    }
    // A stable sort keeps the set's order within each group.
    out.sort(Comparator.comparingInt(Comparison::order));
    return out;
  }

  private static int order(ChangedExample c) {
    boolean rightBefore = c.expected().equals(c.predictedBefore());
    boolean rightAfter = c.expected().equals(c.predictedAfter());
    return rightBefore && !rightAfter ? 0 : !rightBefore && rightAfter ? 1 : 2;
  }

  /** The outcomes of {@code after} whose message escalated in {@code before} and not now. */
  private static List<Evaluator.Outcome> lost(Optional<List<Evaluator.Outcome>> before,
      Optional<List<Evaluator.Outcome>> after) {
    if (before.isEmpty() || after.isEmpty()) {
      return List.of();
    }
    List<Evaluator.Outcome> out = new ArrayList<>();
    for (int i = 0; i < before.get().size(); i++) {
      if (escalated(before.get().get(i)) && !escalated(after.get().get(i))) {
        out.add(after.get().get(i));
      }
    }
    return out;
  }
}
