package org.helpline.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A classification built from raw probabilities ranks exactly as sorting every score would:
 * the top two found in one pass, the lazily sorted ranking and the head above a floor all agree
 * with a plain sort, ties going to the intent that comes first alphabetically.
 */
class ClassificationTest {

  private static final Comparator<IntentScore> PLAIN = Comparator
      .comparingDouble(IntentScore::confidence).reversed().thenComparing(IntentScore::intent);

  @Test
  void topTwoRankingAndHeadAgreeWithAPlainSort() {
    Random random = new Random(7);
    for (int round = 0; round < 2_000; round++) {
      int n = 1 + random.nextInt(12);
      String[] intents = new String[n];
      double[] p = new double[n];
      List<IntentScore> expected = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        intents[i] = "intent" + (char) ('a' + random.nextInt(26)) + i;
        // few distinct values, so ties are common
        p[i] = random.nextInt(5) / 4.0;
        expected.add(new IntentScore(intents[i], p[i]));
      }
      expected.sort(PLAIN);
      Classification c = Classification.of("text", intents, p);
      assertEquals(expected.get(0), c.top());
      assertEquals(n > 1 ? expected.get(1) : new IntentScore("", 0.0), c.second());
      assertEquals(expected.stream().filter(s -> s.confidence() >= 0.5).toList(),
          c.atLeast(0.5));
      assertEquals(expected, c.ranking());
      assertEquals(expected.stream().filter(s -> s.confidence() >= 0.5).toList(),
          c.atLeast(0.5), "the same head once the ranking is sorted");
    }
  }

  @Test
  void aTieGoesToTheAlphabeticallyFirstIntent() {
    Classification c = Classification.of("t", new String[] {"side_effects", "cytokines",
        "car_t"}, new double[] {0.4, 0.4, 0.2});
    assertEquals("cytokines", c.top().intent());
    assertEquals("side_effects", c.second().intent());
    assertEquals(0.0, c.margin());
  }

  @Test
  void aGivenRankingIsKeptAsItIs() {
    List<IntentScore> ranking = List.of(new IntentScore("a", 0.7), new IntentScore("b", 0.2));
    Classification c = new Classification("t", ranking);
    assertEquals(ranking, c.ranking());
    assertEquals(List.of(new IntentScore("a", 0.7)), c.atLeast(0.5));
    assertEquals(0.5, c.margin(), 1e-12);
    assertEquals(c, Classification.of("t", new String[] {"b", "a"}, new double[] {0.2, 0.7}));
    assertTrue(new Classification("t", List.of()).atLeast(0.0).isEmpty());
  }
}
