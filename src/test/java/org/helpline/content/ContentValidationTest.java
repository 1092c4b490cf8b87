package org.helpline.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.helpline.eval.LabelledFolder;
import org.helpline.eval.LabelledText;
import org.helpline.nlu.TextNormaliser;
import org.helpline.support.RealBot;
import org.junit.jupiter.api.Test;

/**
 * Validates the real intents/ and dialogs/, and their independence from the development and
 * blind test sets.
 */
class ContentValidationTest {

  private static final List<String> FIRST_PACK = List.of("greeting", "goodbye", "thanks",
      "bot_capabilities", "bot_identity", "immunotherapy_what_is", "immunotherapy_how_it_works",
      "immunotherapy_availability", "immunotherapy_with_other_treatments", "immunotherapy_types",
      "immunotherapy_other_names", "immune_system", "immune_system_and_cancer",
      "monoclonal_antibodies", "checkpoint_inhibitors", "cancer_vaccines", "cytokines",
      "adoptive_cell_transfer", "targeted_drugs", "immunotherapy_side_effects",
      "immunotherapy_suitability", "clinical_trials", "cancer_chat_forum", "helpline_contact",
      "helpline_hours", "talk_to_nurse", "personal_medical_advice", "medical_emergency",
      "self_harm", "out_of_scope");

  private static final Path DEVELOPMENT = Path.of("src/test/resources/development");
  private static final Path BLIND = Path.of("src/test/resources/blind");

  private final Content content = new ContentLoader(new ContentValidator(25, 600))
      .load(ContentSource.directory(RealBot.PROJECT));

  @Test
  void theFirstContentPackIsCompleteAndValid() {
    assertEquals(FIRST_PACK.stream().sorted().toList(), List.copyOf(content.intents().keySet()));
    for (String intent : FIRST_PACK) {
      assertTrue(content.dialogs().containsKey(intent), intent);
      assertTrue(content.dialogs().get(intent).reviewed() != null, intent);
    }
  }

  @Test
  void outOfScopeHasAtLeast300ExamplesIncludingNearMisses() {
    List<Example> oos = content.intents().get(Content.OUT_OF_SCOPE);
    assertTrue(oos.size() >= 300, "out_of_scope has " + oos.size());
    String all = oos.stream().map(Example::text).collect(Collectors.joining("\n"));
    for (String nearMiss : List.of("chemo", "radiotherapy", "surgery", "shop", "job")) {
      assertTrue(all.contains(nearMiss), "no out_of_scope example mentions " + nearMiss);
    }
  }

  @Test
  void theDevelopmentSetIsLargeEnoughAndNeverUsedForTraining() {
    List<LabelledText> development = LabelledFolder.read(RealBot.PROJECT.resolve(DEVELOPMENT));
    Map<String, Long> perIntent = development.stream().collect(Collectors.groupingBy(
        LabelledText::intent, Collectors.counting()));
    assertEquals(content.intents().keySet(), perIntent.keySet());
    perIntent.forEach((intent, n) -> assertTrue(n >= (intent.equals(Content.OUT_OF_SCOPE)
        ? 100 : 8), intent + " has " + n + " development examples"));

    TextNormaliser normaliser = new TextNormaliser(content.spelling());
    Map<String, String> training = new HashMap<>();
    content.examples().forEach(e -> training.put(normaliser.normalise(e.text()), e.file()));
    List<String> leaked = new ArrayList<>();
    for (LabelledText m : development) {
      String key = normaliser.normalise(m.text());
      if (training.containsKey(key)) {
        leaked.add(m.text() + " (in " + training.get(key) + ")");
      }
    }
    assertEquals(List.of(), leaked, "development messages also in intents/");
  }

  /**
   * A training example that is a lightly reworded copy of a development or blind test line
   * turns that line into a memory test. The blind lines are read only for this comparison,
   * and the failure names them by file and line, never by their text.
   */
  @Test
  void noTrainingExampleNearlyDuplicatesADevelopmentOrBlindTestLine() {
    List<NearDuplicates.EvaluationLine> lines = new ArrayList<>();
    lines.addAll(NearDuplicates.readFolder(RealBot.PROJECT, DEVELOPMENT));
    lines.addAll(NearDuplicates.readFolder(RealBot.PROJECT, BLIND));
    assertTrue(lines.size() > 900, lines.size() + " evaluation lines");
    ContentValidator guarded = new ContentValidator(25, 600).withEvaluationLines(lines);
    try {
      new ContentLoader(guarded).load(ContentSource.directory(RealBot.PROJECT));
    } catch (ContentException e) {
      fail(e.problems().size() + " training examples nearly duplicate an evaluation line;"
          + " delete them from intents/ (never edit the evaluation sets):\n"
          + e.problems().stream().map(ContentProblem::toString)
          .collect(Collectors.joining("\n")));
    }
  }

  @Test
  void everyEscalationDialogPutsItsNumbersInTheText() {
    for (Dialog d : content.dialogs().values()) {
      if (d.action() == DialogAction.ESCALATE) {
        String text = d.replies().stream().map(Bubble::text).collect(Collectors.joining(" "));
        d.escalation().numbers().forEach(n -> assertTrue(text.contains(n), d.id() + " " + n));
      }
    }
  }
}
