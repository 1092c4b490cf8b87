package org.helpline.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextNormaliserTest {

  private final TextNormaliser normaliser = new TextNormaliser(Map.of(
      "imunotherapy", "immunotherapy", "car t cell", "car t", "chemo", "chemotherapy"));

  @Test
  void lowerCasesAndDropsPunctuationAndApostrophes() {
    assertEquals("im not sure whats happening", normaliser.normalise("I’m NOT sure — what's happening?!"));
  }

  @Test
  void squeezesLettersRepeatedThreeTimesOrMore() {
    assertEquals("hello soo scared", normaliser.normalise("Hellllo sooooo scared"));
  }

  @Test
  void fixesKnownMisspellingsIncludingPhrases() {
    assertEquals(List.of("is", "immunotherapy", "like", "chemotherapy"),
        normaliser.tokens("is imunotherapy like chemo"));
    assertEquals("what is car t", normaliser.normalise("what is CAR-T cell"));
  }

  @Test
  void leavesWordsThatOnlyContainAFixAlone() {
    assertEquals("chemotherapist", normaliser.normalise("chemotherapist"));
  }

  @Test
  void stripsAccentsAndHandlesEmptyInput() {
    assertEquals("cafe naive", normaliser.normalise("café naïve"));
    assertEquals("", normaliser.normalise("  \t "));
    assertEquals("", normaliser.normalise("🙂🙂"));
  }
}
