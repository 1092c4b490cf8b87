package org.helpline.nlu.opennlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.helpline.nlu.Classification;
import org.helpline.nlu.TextNormaliser;
import org.helpline.nlu.TrainingExample;
import org.junit.jupiter.api.Test;

/**
 * Typo correction against the vocabulary of a real trained model: one slip of a key is
 * undone, known words, short words and numbers are never touched, and the classifier then
 * understands the misspelt message as it understands the clean one.
 */
class TypoCorrectorTest {

  private static final OpenNlpSettings SETTINGS = OpenNlpSettings.of(s -> {
    s.iterations = 40;
    s.typoCorrection = true;
  });
  private static final OpenNlpIntentClassifier CLASSIFIER = new IntentModelTrainer(SETTINGS)
      .train(List.of(
          new TrainingExample("immunotherapy", "what is immunotherapy"),
          new TrainingExample("immunotherapy", "tell me about immunotherapy treatment"),
          new TrainingExample("checkpoint", "how do checkpoint inhibitors work"),
          new TrainingExample("checkpoint", "what are checkpoint inhibitors"),
          new TrainingExample("side_effects", "side effects of treatment"),
          new TrainingExample("side_effects", "will the treatment make me tired"),
          new TrainingExample("trials", "can i join a clinical trial"),
          new TrainingExample("trials", "trials near me")), TextNormaliser.plain());
  private static final TypoCorrector TYPOS = TypoCorrector.of(CLASSIFIER.model());

  @Test
  void oneSlipOfAKeyIsUndone() {
    assertEquals("immunotherapy", TYPOS.correct("imunotherapy"), "a letter missing");
    assertEquals("immunotherapy", TYPOS.correct("immunotherapyy"), "a letter doubled");
    assertEquals("checkpoint", TYPOS.correct("checkpoimt"), "a neighbouring key");
    assertEquals("inhibitors", TYPOS.correct("inhibitros"), "two letters swapped");
    assertEquals("clinical", TYPOS.correct("cliniacl"));
  }

  @Test
  void knownShortAndNumericWordsAndFarMisspellingsAreLeftAlone() {
    String known = "treatment";
    assertSame(known, TYPOS.correct(known));
    assertEquals("tired", TYPOS.correct("tird"));
    assertEquals("zebra", TYPOS.correct("zebra"), "nothing known is one edit from it");
    assertEquals("wht", TYPOS.correct("wht"), "too short to guess");
    assertEquals("trial2", TYPOS.correct("trial2"), "numbers are not typos");
    assertEquals("imunothrapy", TYPOS.correct("imunothrapy"), "two edits away");
    String[] clean = {"what", "is", "immunotherapy"};
    assertSame(clean, TYPOS.correct(clean), "nothing to correct, nothing copied");
    assertArrayEquals(new String[] {"what", "is", "immunotherapy"},
        TYPOS.correct(new String[] {"what", "is", "immunotherpay"}));
  }

  @Test
  void editDistanceOfOneIsRecognisedExactly() {
    assertTrue(TypoCorrector.oneEditApart("trial", "trail"));
    assertTrue(TypoCorrector.oneEditApart("trial", "trials"));
    assertTrue(TypoCorrector.oneEditApart("trials", "trial"));
    assertTrue(TypoCorrector.oneEditApart("trial", "trian"));
    assertFalse(TypoCorrector.oneEditApart("trial", "trial"));
    assertFalse(TypoCorrector.oneEditApart("trial", "tiral2"));
    assertFalse(TypoCorrector.oneEditApart("trial", "rtila"));
    assertFalse(TypoCorrector.oneEditApart("trial", "triaals"));
  }

  @Test
  void theClassifierUnderstandsTheMisspeltMessageAsTheCleanOne() {
    Classification clean = CLASSIFIER.classify("how do checkpoint inhibitors work");
    Classification typo = CLASSIFIER.classify("how do chekpoint inhibitros work");
    assertEquals("checkpoint", typo.top().intent());
    assertEquals(clean.top().confidence(), typo.top().confidence(), 1e-12);
    assertEquals("how do chekpoint inhibitros work", typo.text(),
        "the text stays as the person wrote it");
  }
}
