package org.helpline.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.helpline.support.RealBot;
import org.junit.jupiter.api.Test;

/**
 * The quality gate: the real model, trained on intents/, on the separately written held-out
 * set it never saw. Fails the build when understanding or out-of-scope rejection drops.
 */
class HeldOutAccuracyTest {

  private static final Evaluator.Report REPORT = Evaluator.report(Evaluator.run(RealBot.get(),
      Evaluator.readFolder(RealBot.PROJECT.resolve("src/test/resources/heldout"))));

  @Test
  void intentAccuracyIsAtLeast90Percent() {
    assertTrue(REPORT.intentAccuracy() >= 0.90, "held-out intent accuracy "
        + REPORT.intentAccuracy() + "; most confused: " + REPORT.confusions().stream().limit(8)
        .toList());
  }

  @Test
  void atLeast85PercentOfOutOfScopeMessagesAreRejected() {
    assertTrue(REPORT.outOfScope() >= 100);
    assertTrue(REPORT.outOfScopeRejection() >= 0.85, "out-of-scope rejection "
        + REPORT.outOfScopeRejection());
  }

  @Test
  void wrongAnswersStayRare() {
    // A wrong curated answer is misinformation; a fallback offers the nurses instead.
    assertTrue(REPORT.answeredWrongly() <= 0.05, "answered wrongly " + REPORT.answeredWrongly());
  }

  @Test
  void everyIntentIsEvaluated() {
    assertTrue(REPORT.perIntent().keySet().containsAll(List.copyOf(RealBot.get().content()
        .intents().keySet())));
  }
}
