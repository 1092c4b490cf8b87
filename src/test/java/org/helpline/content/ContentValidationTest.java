package org.helpline.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
      "self_harm", "out_of_scope", "worrying_symptom", "feelings", "prognosis",
      "other_cancer_question");

  private static final Path DEVELOPMENT = Path.of("src/test/resources/development");
  private static final Path BLIND = Path.of("src/test/resources/blind");
  private static final Path DEVELOPMENT_CATEGORIES =
      Path.of("src/test/resources/development-categories");
  private static final Path DEVELOPMENT_SAFETY = Path.of("src/test/resources/development-safety");
  private static final Path DEVELOPMENT_VOICES = Path.of("src/test/resources/development-voices");

  private final Content content = new ContentLoader(new ContentValidator(25, 600))
      .load(ContentSource.directory(RealBot.PROJECT));

  @Test
  void theFirstContentPackIsCompleteAndValid() {
    assertEquals(FIRST_PACK.stream().sorted().toList(), List.copyOf(content.intents().keySet()));
    for (String intent : FIRST_PACK) {
      assertTrue(content.dialogs().containsKey(intent), intent);
    }
  }

  @Test
  void everyDialogWithoutAReviewDateIsListedAsAwaitingClinicalReviewAndNoOther() {
    ContentLoader.Loaded loaded = new ContentLoader(new ContentValidator(25, 600))
        .loadWithWarnings(ContentSource.directory(RealBot.PROJECT));
    Set<String> unreviewed = new TreeSet<>();
    loaded.content().dialogs().forEach((id, d) -> {
      if (d.reviewed() == null) {
        unreviewed.add("dialogs/" + id + ".yml");
      }
    });
    loaded.content().systemDialogs().forEach((id, d) -> {
      if (d.reviewed() == null) {
        unreviewed.add("dialogs/_system/" + id + ".yml");
      }
    });
    if (loaded.content().clarify().reviewed() == null) {
      unreviewed.add("dialogs/_system/clarify.yml");
    }
    if (loaded.content().handoff().reviewed() == null) {
      unreviewed.add("dialogs/_system/handoff.yml");
    }
    Set<String> listed = new TreeSet<>();
    for (ContentProblem p : loaded.awaitingReview()) {
      listed.add(p.file());
      assertTrue(p.message().startsWith("awaiting clinical review"), p.toString());
    }
    assertEquals(unreviewed, listed);
  }

  @Test
  void unrelatedAndUncoveredCancerQuestionsAreTaughtApart() {
    List<Example> oos = content.intents().get(Content.OUT_OF_SCOPE);
    assertTrue(oos.size() >= 250, "out_of_scope has " + oos.size());
    String unrelated = oos.stream().map(Example::text).collect(Collectors.joining("\n"));
    for (String nearMiss : List.of("shop", "job", "paracetamol", "breathe")) {
      assertTrue(unrelated.contains(nearMiss), "no out_of_scope example mentions " + nearMiss);
    }
    String cancer = content.intents().get("other_cancer_question").stream().map(Example::text)
        .collect(Collectors.joining("\n"));
    for (String uncovered : List.of("chemo", "radiotherapy", "screening", "genetic")) {
      assertTrue(cancer.contains(uncovered), "no other_cancer_question example mentions "
          + uncovered);
      assertTrue(!unrelated.contains(uncovered), "out_of_scope still teaches " + uncovered);
    }
  }

  @Test
  void theDevelopmentSetIsLargeEnoughAndNeverUsedForTraining() {
    List<LabelledText> development = LabelledFolder.read(RealBot.PROJECT.resolve(DEVELOPMENT));
    Map<String, Long> perIntent = development.stream().collect(Collectors.groupingBy(
        LabelledText::intent, Collectors.counting()));
    assertEquals(content.intents().keySet(), perIntent.keySet());
    perIntent.forEach((intent, n) -> assertTrue(n >= (intent.equals(Content.OUT_OF_SCOPE)
        ? 75 : 8), intent + " has " + n + " development examples"));

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
    lines.addAll(NearDuplicates.readFolder(RealBot.PROJECT, DEVELOPMENT_CATEGORIES));
    lines.addAll(NearDuplicates.readFolder(RealBot.PROJECT, DEVELOPMENT_SAFETY));
    lines.addAll(NearDuplicates.readFolder(RealBot.PROJECT, DEVELOPMENT_VOICES));
    lines.addAll(NearDuplicates.readFolder(RealBot.PROJECT, BLIND));
    assertTrue(lines.size() > 1600, lines.size() + " evaluation lines");
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
  void safetyAdviceSaysWhatToDoForEachSignTheRulesSendThere() {
    String fever = text(content.systemDialogs().get("treatment_fever"));
    for (String words : List.of("high temperature", "low temperature", "weeks or months",
        "diarrhoea", "breathlessness", "yellow", "headache", "tummy pain", "confusion",
        "24-hour treatment helpline now", "card or letter", "NHS 111", "999",
        "immunotherapy alert card")) {
      assertTrue(fever.contains(words), "treatment_fever: " + words);
    }
    String emergency = text(content.dialogs().get("medical_emergency"));
    assertTrue(emergency.contains("severe allergic reaction")
        && emergency.contains("swollen lips, tongue or throat"), emergency);
    String selfHarm = text(content.dialogs().get("self_harm"));
    for (String words : List.of("overdose", "even if you feel well", "116 123", "NHS 111",
        "mental health option", "999", "85258")) {
      assertTrue(selfHarm.contains(words), "self_harm: " + words);
    }
  }

  @Test
  void noTextSends999ForUrgentHelpThatIsNotAnEmergency() {
    List<Dialog> all = new ArrayList<>(content.dialogs().values());
    all.addAll(content.systemDialogs().values());
    for (Dialog d : all) {
      String text = text(d).replaceAll("\\s+", " ");
      assertFalse(text.contains("urgent medical help, call 999"), d.id() + ": " + text);
    }
  }

  /** Every bubble a dialog can say, its in-context answers included. */
  private static String text(Dialog d) {
    List<Bubble> bubbles = new ArrayList<>(d.replies());
    d.inContext().forEach(c -> bubbles.addAll(c.replies()));
    return bubbles.stream().map(Bubble::text).collect(Collectors.joining(" "));
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
