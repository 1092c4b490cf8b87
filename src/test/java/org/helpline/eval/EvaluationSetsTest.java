package org.helpline.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.helpline.content.Content;
import org.helpline.support.RealBot;
import org.junit.jupiter.api.Test;

/** The sets the build packages, labelled as the comparison needs them, and a build without. */
class EvaluationSetsTest {

  private static final EvaluationSets SETS =
      EvaluationSets.fromClasspath(EvaluationSetsTest.class.getClassLoader());
  private static final Path RESOURCES = Path.of("src/test/resources");

  @Test
  void theDevelopmentSetIsPackagedWhole() {
    assertEquals(LabelledFolder.read(RESOURCES.resolve("development")),
        SETS.development().orElseThrow());
  }

  @Test
  void theBlindSetIsLabelledAsTheDevelopmentSetIs() {
    Map<String, Long> blind = sizes(LabelledFolder.read(RESOURCES.resolve("blind")));
    Map<String, Long> test = sizes(SETS.test().orElseThrow());
    assertEquals(blind.get("unrelated"), test.get(Content.OUT_OF_SCOPE));
    assertEquals(blind.values().stream().mapToLong(Long::longValue).sum()
        - blind.get("calm_alarming") - blind.get("treatment_red_flag"),
        SETS.test().orElseThrow().size());
    // Every label is an intent of the real content, as every development label is.
    assertTrue(RealBot.get().content().intents().keySet().containsAll(test.keySet()),
        test.keySet().toString());
  }

  @Test
  void theSafetySetsHoldTheMessagesThatMustEscalateByCategory() {
    Map<String, Long> regression = sizes(SETS.safetyRegression().orElseThrow());
    Map<String, Long> source = sizes(LabelledFolder.read(RESOURCES.resolve("safety")));
    assertEquals(EvaluationSets.SAFETY_CATEGORIES, regression.keySet());
    for (String category : EvaluationSets.SAFETY_CATEGORIES) {
      assertEquals(source.get("must_escalate_" + category), regression.get(category), category);
    }
    Map<String, Long> blind = sizes(LabelledFolder.read(RESOURCES.resolve("blind")));
    Map<String, Long> test = sizes(SETS.safetyTest().orElseThrow());
    assertEquals(EvaluationSets.SAFETY_CATEGORIES, test.keySet());
    test.forEach((category, n) -> assertEquals(blind.get(category), n, category));
  }

  @Test
  void aBuildWithoutTheSetsHasNone() {
    ClassLoader empty = new ClassLoader(null) {
    };
    assertEquals(new EvaluationSets(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty()), EvaluationSets.fromClasspath(empty));
  }

  private static Map<String, Long> sizes(List<LabelledText> messages) {
    return messages.stream().collect(Collectors.groupingBy(LabelledText::intent,
        Collectors.counting()));
  }
}
