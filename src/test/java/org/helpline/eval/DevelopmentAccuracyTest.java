package org.helpline.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.helpline.support.RealBot;
import org.junit.jupiter.api.Test;

/**
 * The quality gate on the development set: the real model, trained on intents/, on messages
 * written apart from it, clean and with seeded typos. The set has been used to choose content
 * and settings, so its figures are optimistic; this test guards against regressions, it does
 * not measure the bot (the blind test set in src/test/resources/blind/ does).
 *
 * <p>Each gate sits at the edge of the 95 % Wilson score interval of the figure measured when
 * it was set: the lower bound for figures where more is better, the upper bound for wrong
 * answers. On 348 in-scope and 130 out-of-scope messages a figure moves by a point or two with
 * a handful of messages, so a gate at the measured figure fails on noise; a gate at the
 * interval's edge fails only on a drop the data can tell from noise. Raise a gate only from a
 * new measurement's interval, never to the measured figure itself.
 */
class DevelopmentAccuracyTest {

  // Measured 2026-12-04 on the content with issue 15's routes (four route intents; cancer
  // questions moved from out_of_scope to other_cancer_question, and the development set's
  // cancer lines relabelled the same way) after the near-duplicate guard removed 214 training
  // examples in all, thresholds 0.60 / 0.40 / 0.20 / 0.35, with the evaluation command
  // (./mvnw -q -B -Peval test-compile). Each: measured count/total, its 95 % Wilson interval,
  // the gate (rounded outwards, to three decimals). Out of scope counts as rejected when it
  // gets no content answer: the fallback, or the nurses for a question about cancer.

  /** Top-1 accuracy 448/500 = 89.6 %, interval 86.6-92.0 %: at least 0.866. */
  private static final double ACCURACY = 0.866;
  /** Answered with the right intent 432/500 = 86.4 %, interval 83.1-89.1 %: at least 0.831. */
  private static final double ANSWERED_RIGHT = 0.831;
  /** Content about a wrong intent 7/500 = 1.4 %, interval 0.7-2.9 %: at most 0.029. */
  private static final double ANSWERED_WRONG = 0.029;
  /** Out-of-scope not given content 74/78 = 94.9 %, interval 87.5-98.0 %: at least 0.875. */
  private static final double REJECTION = 0.875;

  // The same messages with 1-2 seeded typos each (seed Typos.SEED), measured with the above.

  /** Top-1 accuracy 435/500 = 87.0 %, interval 83.8-89.7 %: at least 0.838. */
  private static final double TYPO_ACCURACY = 0.838;
  /** Answered with the right intent 405/500 = 81.0 %, interval 77.3-84.2 %: at least 0.773. */
  private static final double TYPO_ANSWERED_RIGHT = 0.773;
  /** Content about a wrong intent 8/500 = 1.6 %, interval 0.8-3.1 %: at most 0.031. */
  private static final double TYPO_ANSWERED_WRONG = 0.031;
  /** Out-of-scope not given content 74/78 = 94.9 %, interval 87.5-98.0 %: at least 0.875. */
  private static final double TYPO_REJECTION = 0.875;

  private static final List<LabelledText> DEVELOPMENT = LabelledFolder.read(
      RealBot.PROJECT.resolve("src/test/resources/development"));
  private static final Evaluator.Report REPORT = Evaluator.report(Evaluator.run(RealBot.get(),
      DEVELOPMENT));
  private static final Evaluator.Report TYPOS = Evaluator.report(Evaluator.run(RealBot.get(),
      Typos.of(DEVELOPMENT)));

  @Test
  void intentAccuracyStaysAboveTheLowerBoundOfItsInterval() {
    atLeast("development intent accuracy", REPORT.accuracy(), ACCURACY,
        "; most confused: " + REPORT.confusions().stream().limit(8).toList());
  }

  @Test
  void answeredRightStaysAboveTheLowerBoundOfItsInterval() {
    atLeast("development answered right", REPORT.answeredRight(), ANSWERED_RIGHT, "");
  }

  @Test
  void outOfScopeRejectionStaysAboveTheLowerBoundOfItsInterval() {
    assertTrue(REPORT.outOfScope() >= 75);
    atLeast("development out-of-scope rejection", REPORT.rejection(), REJECTION, "");
  }

  @Test
  void wrongAnswersStayBelowTheUpperBoundOfTheirInterval() {
    // A wrong curated answer is misinformation; a fallback offers the nurses instead.
    atMost("development answered wrongly", REPORT.answeredWrong(), ANSWERED_WRONG);
  }

  @Test
  void typingMistakesAreMostlyUnderstoodAndRarelyTurnIntoWrongAnswers() {
    atLeast("with typos, intent accuracy", TYPOS.accuracy(), TYPO_ACCURACY,
        "; most confused: " + TYPOS.confusions().stream().limit(8).toList());
    atLeast("with typos, answered right", TYPOS.answeredRight(), TYPO_ANSWERED_RIGHT, "");
    atMost("with typos, answered wrongly", TYPOS.answeredWrong(), TYPO_ANSWERED_WRONG);
    atLeast("with typos, out-of-scope rejection", TYPOS.rejection(), TYPO_REJECTION, "");
  }

  @Test
  void everyIntentIsEvaluated() {
    assertTrue(REPORT.perIntent().keySet().containsAll(List.copyOf(RealBot.get().content()
        .intents().keySet())));
  }

  /** Prints the figure with its interval and the gate, then checks it. */
  private static void atLeast(String what, Proportion measured, double gate, String detail) {
    String line = String.format(Locale.ROOT, "%s: %s, gate >= %.3f", what,
        measured.describe(), gate);
    System.out.println(line);
    assertTrue(measured.value() >= gate, line + detail);
  }

  private static void atMost(String what, Proportion measured, double gate) {
    String line = String.format(Locale.ROOT, "%s: %s, gate <= %.3f", what,
        measured.describe(), gate);
    System.out.println(line);
    assertTrue(measured.value() <= gate, line);
  }
}
