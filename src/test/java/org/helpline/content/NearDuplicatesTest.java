package org.helpline.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.helpline.content.NearDuplicates.EvaluationLine;
import org.helpline.nlu.TextNormaliser;
import org.junit.jupiter.api.Test;

/** The near-duplicate rules, on made-up lines (never real evaluation lines). */
class NearDuplicatesTest {

  private final NearDuplicates guard = new NearDuplicates(
      new TextNormaliser(Map.of("immuno therapy", "immunotherapy")),
      List.of(new EvaluationLine("dev/a.txt", 3, "What are the side effects of immunotherapy?"),
          new EvaluationLine("dev/b.txt", 7, "can i bring my dog to the clinic"),
          new EvaluationLine("dev/c.txt", 2, "hi")));

  private Optional<NearDuplicates.Match> check(String training) {
    return guard.first(new Example("x", training, "intents/x.txt", 5));
  }

  @Test
  void theSameWordsInAnotherOrderOrCaseAreANearDuplicate() {
    NearDuplicates.Match m = check("immunotherapy: side effects of the, what are").orElseThrow();
    assertEquals("dev/a.txt:3", m.line().toString());
    assertEquals("word Jaccard 1.00", m.why());
    assertEquals("intents/x.txt:5: training example 'immunotherapy: side effects of the, what"
        + " are' nearly duplicates dev/a.txt:3 (word Jaccard 1.00)", m.toString());
  }

  @Test
  void spellingFixesApplyAsInTheClassifier() {
    assertTrue(check("what are the side effects of immuno therapy").isPresent());
  }

  @Test
  void oneWordAddedToSevenIsStillANearDuplicate() {
    // {what, are, the, side, effects, of, immunotherapy} against the same with "main" added:
    // 7 / 8 = 0.875.
    assertEquals("word Jaccard 0.88",
        check("what are the main side effects of immunotherapy").orElseThrow().why());
    // One word swapped for two others: 6 / 9 = 0.67, and far more than 3 letters apart.
    assertFalse(check("what are the long term effects of immunotherapy").isPresent());
  }

  @Test
  void aFewTypedLettersApartIsANearDuplicateOnLongLines() {
    // Jaccard 7 / 9 = 0.78 for both, but one letter added, or "the" made "a".
    assertEquals("1 character edit", check("can i bring my dogs to the clinic").orElseThrow()
        .why());
    assertEquals("3 character edits", check("can i bring my dog to a clinic").orElseThrow()
        .why());
    assertFalse(check("can we bring our dog to the clinic").isPresent());
  }

  @Test
  void shortLinesNeedTheSameWordsNotJustFewEdits() {
    // "hey" is two edits from "hi", but both are under 12 characters.
    assertFalse(check("hey").isPresent());
    assertTrue(check("Hi!").isPresent());
  }

  @Test
  void jaccardIsTheSharedWordsOverAllWords() {
    assertEquals(0.5, NearDuplicates.jaccard(Set.of("a", "b", "c"), Set.of("b", "c", "d")),
        1e-12);
    assertEquals(0.0, NearDuplicates.jaccard(Set.of(), Set.of()));
  }

  @Test
  void theBandedEditDistanceEqualsThePlainOneUpToItsBound() {
    Random random = new Random(20261205L);
    for (int n = 0; n < 20_000; n++) {
      String a = randomText(random);
      String b = random.nextBoolean() ? mutate(a, random) : randomText(random);
      int plain = levenshtein(a, b);
      for (int max = 0; max <= 4; max++) {
        assertEquals(Math.min(plain, max + 1), NearDuplicates.editDistance(a, b, max),
            a + " / " + b + " max " + max);
      }
    }
  }

  private static String randomText(Random random) {
    StringBuilder s = new StringBuilder();
    int length = random.nextInt(16);
    for (int i = 0; i < length; i++) {
      s.append((char) ('a' + random.nextInt(4)));
    }
    return s.toString();
  }

  private static String mutate(String text, Random random) {
    StringBuilder s = new StringBuilder(text);
    int edits = random.nextInt(5);
    for (int e = 0; e < edits; e++) {
      int at = s.length() == 0 ? 0 : random.nextInt(s.length());
      switch (random.nextInt(3)) {
        case 0 -> s.insert(at, (char) ('a' + random.nextInt(4)));
        case 1 -> {
          if (s.length() > 0) {
            s.deleteCharAt(at);
          }
        }
        default -> {
          if (s.length() > 0) {
            s.setCharAt(at, (char) ('a' + random.nextInt(4)));
          }
        }
      }
    }
    return s.toString();
  }

  private static int levenshtein(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
      }
    }
    return d[a.length()][b.length()];
  }
}
