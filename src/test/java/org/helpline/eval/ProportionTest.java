package org.helpline.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Wilson score interval against published values. */
class ProportionTest {

  /**
   * Newcombe, "Two-sided confidence intervals for the single proportion: comparison of seven
   * methods", Statistics in Medicine 17 (1998) 857-872: the paper's four worked examples,
   * method 3 (score interval without continuity correction), given there to four decimals.
   */
  @ParameterizedTest
  @CsvSource({
      "81, 263, 0.2553, 0.3662",
      "15, 148, 0.0624, 0.1605",
      "0, 20, 0.0000, 0.1611",
      "1, 29, 0.0061, 0.1718"})
  void matchesNewcombesWorkedExamples(int count, int total, double lower, double upper) {
    Proportion p = new Proportion(count, total);
    assertEquals(lower, p.wilsonLower(), 0.00005);
    assertEquals(upper, p.wilsonUpper(), 0.00005);
  }

  @Test
  void allOrNothingGivesABoundOfExactlyZeroOrOne() {
    assertEquals(0.0, new Proportion(0, 63).wilsonLower());
    assertEquals(1.0, new Proportion(82, 82).wilsonUpper());
    // Mirror images: 0/10 and 10/10 (upper 0.2775, lower 0.7225).
    assertEquals(1 - new Proportion(0, 10).wilsonUpper(), new Proportion(10, 10).wilsonLower(),
        1e-12);
    assertEquals(0.2775, new Proportion(0, 10).wilsonUpper(), 0.00005);
  }

  @Test
  void theIntervalHoldsTheValueAndNarrowsWithMoreTrials() {
    Proportion small = new Proportion(9, 10);
    Proportion large = new Proportion(900, 1000);
    for (Proportion p : new Proportion[] {small, large}) {
      assertTrue(p.wilsonLower() < p.value() && p.value() < p.wilsonUpper(), p.describe());
    }
    assertTrue(large.wilsonUpper() - large.wilsonLower()
        < small.wilsonUpper() - small.wilsonLower());
  }

  @Test
  void noTrialsSaysNothing() {
    Proportion none = new Proportion(0, 0);
    assertEquals(0.0, none.value());
    assertEquals(0.0, none.wilsonLower());
    assertEquals(1.0, none.wilsonUpper());
  }

  @Test
  void describesCountValueAndInterval() {
    assertEquals("81/263 = 30.8 % (95 % CI 25.5-36.6)", new Proportion(81, 263).describe());
  }

  @Test
  void refusesImpossibleCounts() {
    assertThrows(IllegalArgumentException.class, () -> new Proportion(3, 2));
    assertThrows(IllegalArgumentException.class, () -> new Proportion(-1, 2));
  }
}
