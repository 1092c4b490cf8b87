package org.helpline.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.helpline.support.RealBot;
import org.junit.jupiter.api.Test;

/**
 * The quality gate: the real model, trained on intents/, on the separately written development
 * set it never saw, clean and with seeded typos. Fails the build when understanding or
 * out-of-scope rejection drops below the figures measured for issue 3 (docs/benchmarks.md,
 * "The bot's own content"); raise the bars when content improves, never lower them.
 */
class DevelopmentAccuracyTest {

  /** With typos (seed {@link Typos#SEED}): 87.9 % top-1, 2.0 % wrong, 93.8 % rejected. */
  private static final double TYPO_ACCURACY = 0.875;
  private static final double TYPO_WRONG = 0.025;
  private static final double TYPO_REJECTION = 0.935;

  private static final List<LabelledText> DEVELOPMENT = LabelledFolder.read(
      RealBot.PROJECT.resolve("src/test/resources/development"));
  private static final Evaluator.Report REPORT = Evaluator.report(Evaluator.run(RealBot.get(),
      DEVELOPMENT));
  private static final Evaluator.Report TYPOS = Evaluator.report(Evaluator.run(RealBot.get(),
      Typos.of(DEVELOPMENT)));

  @Test
  void intentAccuracyIsAtLeast93Percent() {
    assertTrue(REPORT.intentAccuracy() >= 0.93, "development intent accuracy "
        + REPORT.intentAccuracy() + "; most confused: " + REPORT.confusions().stream().limit(8)
        .toList());
  }

  @Test
  void atLeast89PercentAreAnsweredWithTheRightContent() {
    assertTrue(REPORT.answeredCorrectly() >= 0.89, "answered right "
        + REPORT.answeredCorrectly());
  }

  @Test
  void atLeast95PercentOfOutOfScopeMessagesAreRejected() {
    assertTrue(REPORT.outOfScope() >= 100);
    assertTrue(REPORT.outOfScopeRejection() >= 0.95, "out-of-scope rejection "
        + REPORT.outOfScopeRejection());
  }

  @Test
  void wrongAnswersStayRare() {
    // A wrong curated answer is misinformation; a fallback offers the nurses instead.
    assertTrue(REPORT.answeredWrongly() <= 0.015, "answered wrongly " + REPORT.answeredWrongly());
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
