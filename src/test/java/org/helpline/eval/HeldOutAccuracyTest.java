package org.helpline.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.helpline.support.RealBot;
import org.junit.jupiter.api.Test;

/**
 * The quality gate: the real model, trained on intents/, on the separately written held-out
 * set it never saw, clean and with seeded typos. Fails the build when understanding or
 * out-of-scope rejection drops below the figures measured for issue 3 (docs/benchmarks.md,
 * "The bot's own content"); raise the bars when content improves, never lower them.
 */
class HeldOutAccuracyTest {

  // The held-out set is a development set: it steered content and settings, so its figures
  // are optimistic (the blind set, BlindSetTest, is the honest measure). Each gate sits at the
  // bound of the 95 % Wilson interval of what was measured on 2026-12-04 with the issue 15
  // routes (500 in-scope and 78 out-of-scope lines), never at the measured figure.
  /** With typos (seed {@link Typos#SEED}): 439/500 top-1 [84.6 %, 90.4 %]. */
  private static final double TYPO_ACCURACY = 0.846;
  /** With typos: 4/500 wrong [0.3 %, 2.0 %]. */
  private static final double TYPO_WRONG = 0.020;
  /** With typos: 74/78 rejected [87.5 %, 98.0 %]. */
  private static final double TYPO_REJECTION = 0.875;

  private static final List<LabelledText> HELD_OUT = LabelledFolder.read(
      RealBot.PROJECT.resolve("src/test/resources/heldout"));
  private static final Evaluator.Report REPORT = Evaluator.report(Evaluator.run(RealBot.get(),
      HELD_OUT));
  private static final Evaluator.Report TYPOS = Evaluator.report(Evaluator.run(RealBot.get(),
      Typos.of(HELD_OUT)));

  @Test
  void intentAccuracyIsAtLeast88Percent() {
    // 454/500 = 90.8 % [88.0 %, 93.0 %]
    assertTrue(REPORT.intentAccuracy() >= 0.879, "held-out intent accuracy "
        + REPORT.intentAccuracy() + "; most confused: " + REPORT.confusions().stream().limit(8)
        .toList());
  }

  @Test
  void atLeast85PercentAreAnsweredWithTheRightContent() {
    // 442/500 = 88.4 % [85.3 %, 90.9 %]
    assertTrue(REPORT.answeredCorrectly() >= 0.853, "answered right "
        + REPORT.answeredCorrectly());
  }

  @Test
  void atLeast87PercentOfOutOfScopeMessagesAreNotAnsweredWithContent() {
    // 74/78 = 94.9 % [87.5 %, 98.0 %]; the fallback or, for cancer, the nurses
    assertTrue(REPORT.outOfScope() >= 75);
    assertTrue(REPORT.outOfScopeRejection() >= 0.875, "out-of-scope rejection "
        + REPORT.outOfScopeRejection());
  }

  @Test
  void wrongAnswersStayRare() {
    // A wrong curated answer is misinformation; a fallback offers the nurses instead.
    // 5/500 = 1.0 % [0.4 %, 2.3 %]
    assertTrue(REPORT.answeredWrongly() <= 0.023, "answered wrongly " + REPORT.answeredWrongly());
  }

  @Test
  void typingMistakesAreMostlyUnderstoodAndNeverTurnIntoWrongAnswers() {
    assertTrue(TYPOS.intentAccuracy() >= TYPO_ACCURACY, "intent accuracy with typos "
        + TYPOS.intentAccuracy() + "; most confused: " + TYPOS.confusions().stream().limit(8)
        .toList());
    assertTrue(TYPOS.answeredWrongly() <= TYPO_WRONG, "answered wrongly with typos "
        + TYPOS.answeredWrongly());
    assertTrue(TYPOS.outOfScopeRejection() >= TYPO_REJECTION, "out-of-scope rejection with typos "
        + TYPOS.outOfScopeRejection());
  }

  @Test
  void everyIntentIsEvaluated() {
    assertTrue(REPORT.perIntent().keySet().containsAll(List.copyOf(RealBot.get().content()
        .intents().keySet())));
  }
}
