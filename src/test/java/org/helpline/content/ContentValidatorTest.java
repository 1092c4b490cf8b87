package org.helpline.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.helpline.nlu.TextNormaliser;
import org.helpline.safety.SafetyScreen;
import org.helpline.support.RealBot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One broken copy of the real content per rule: each must be reported with its file and
 * line, and the loader must refuse the whole set.
 */
class ContentValidatorTest {

  @TempDir
  Path dir;

  private final ContentLoader loader = new ContentLoader(new ContentValidator(25, 600));

  @BeforeEach
  void copyRealContent() throws IOException {
    RealBot.copyContentTo(dir);
  }

  @Test
  void theUnbrokenCopyIsValid() {
    assertEquals(34, loader.load(ContentSource.directory(dir)).intents().size());
  }

  @Test
  void reportsAnIntentWithoutADialog() throws IOException {
    Files.delete(dir.resolve("dialogs/cytokines.yml"));
    assertProblem("intents/cytokines.txt", 1, "has no dialog");
  }

  @Test
  void reportsADialogWithoutAnIntent() throws IOException {
    Files.delete(dir.resolve("intents/cytokines.txt"));
    ContentException e = assertThrows(ContentException.class, this::load);
    assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("dialogs/cytokines.yml")
        && p.message().contains("has no intent")), e.getMessage());
  }

  @Test
  void aRouteMustNameAHandoffDialogAndSayWhenItIsTaken() throws IOException {
    int line = lineOf("dialogs/_system/routes.yml", "  - id: feelings");
    replace("dialogs/_system/routes.yml", "    dialog: feelings\n    when: unsure",
        "    dialog: cytokines\n    when: sometimes");
    ContentException e = assertThrows(ContentException.class, this::load);
    assertTrue(e.problems().contains(new ContentProblem("dialogs/_system/routes.yml", line,
        "route 'feelings' must name a handoff dialog, not 'cytokines'")), e.getMessage());
    assertTrue(e.problems().stream().anyMatch(p -> p.line() == line
        && p.message().contains("not 'sometimes'")), e.getMessage());
  }

  @Test
  void anEditorsNewRouteWordIsMatchedOnceValid() throws IOException {
    replace("dialogs/_system/routes.yml", "      - petrified\n",
        "      - petrified\n      - at my wits end\n");
    Content content = load();
    SafetyScreen screen = new SafetyScreen(content.safety(), content.routes(),
        new TextNormaliser(content.spelling()));
    assertEquals("feelings", screen.screen("honestly im at my wits end").routes().get(0)
        .dialog());
  }

  @Test
  void reportsTooFewExamples() throws IOException {
    write("intents/thanks.txt", "thank you\ncheers\n");
    assertProblem("intents/thanks.txt", 1, "has 2 examples; at least 25");
  }

  @Test
  void reportsTheSameExampleUnderTwoIntentsAfterNormalisation() throws IOException {
    append("intents/goodbye.txt", "What ARE checkpoint inhibitors?!");
    append("intents/checkpoint_inhibitors.txt", "what are checkpoint inhibitors");
    ContentException e = assertThrows(ContentException.class, this::load);
    assertTrue(e.problems().stream().anyMatch(p -> p.message().contains("is also under")),
        e.getMessage());
  }

  @Test
  void reportsAnUnknownFollowUpIntent() throws IOException {
    replace("dialogs/cytokines.yml", "followUps: [", "followUps: [no_such_intent, ");
    assertProblem("dialogs/cytokines.yml", lineOf("dialogs/cytokines.yml", "no_such_intent"),
        "follow-up 'no_such_intent' is not a known intent");
  }

  @Test
  void reportsANonHttpsLink() throws IOException {
    replace("dialogs/clinical_trials.yml", "https://www.cancerresearchuk.org/about-cancer/find",
        "http://www.cancerresearchuk.org/about-cancer/find");
    ContentException e = assertThrows(ContentException.class, this::load);
    assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("dialogs/clinical_trials.yml")
        && p.line() > 1 && p.message().contains("must use https://")), e.getMessage());
  }

  @Test
  void aDialogWithoutAReviewDateIsValidAndListedAsAwaitingClinicalReview() throws IOException {
    append("dialogs/cytokines.yml", "reviewed: 2026-12-01");
    ContentLoader.Loaded loaded = loader.loadWithWarnings(ContentSource.directory(dir));

    assertEquals(LocalDate.of(2026, 12, 1),
        loaded.content().dialogs().get("cytokines").reviewed());
    assertNull(loaded.content().dialogs().get("greeting").reviewed());
    List<String> awaiting = loaded.awaitingReview().stream().map(ContentProblem::file).toList();
    assertFalse(awaiting.contains("dialogs/cytokines.yml"), awaiting.toString());
    for (String file : List.of("dialogs/greeting.yml", "dialogs/medical_emergency.yml",
        "dialogs/_system/treatment_fever.yml", "dialogs/_system/fallback.yml",
        "dialogs/_system/clarify.yml", "dialogs/_system/handoff.yml")) {
      assertTrue(awaiting.contains(file), file + " in " + awaiting);
    }
    assertTrue(loaded.awaitingReview().stream()
        .allMatch(p -> p.message().startsWith("awaiting clinical review")), awaiting.toString());
  }

  @Test
  void reportsAReviewDateThatIsNotADate() throws IOException {
    append("dialogs/cytokines.yml", "reviewed: soon");
    ContentException e = assertThrows(ContentException.class, this::load);
    assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("dialogs/cytokines.yml")
        && p.message().startsWith("cannot read")), e.getMessage());
  }

  @Test
  void reportsEmptyText() throws IOException {
    replace("dialogs/greeting.yml", "text: >-", "text: \"\"\n    old: >-");
    ContentException e = assertThrows(ContentException.class, this::load);
    assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("dialogs/greeting.yml")),
        e.getMessage());
  }

  @Test
  void reportsYamlSyntaxErrorsWithTheirLine() throws IOException {
    append("dialogs/cytokines.yml", "title: [unclosed");
    ContentException e = assertThrows(ContentException.class, this::load);
    assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("dialogs/cytokines.yml")
        && p.message().startsWith("cannot read")), e.getMessage());
  }

  @Test
  void reportsASafetyRuleThatNamesNoEscalationDialog() throws IOException {
    replace("dialogs/_system/safety.yml", "dialog: treatment_fever", "dialog: greeting");
    assertProblem("dialogs/_system/safety.yml", lineOf("dialogs/_system/safety.yml",
        "id: treatment_fever"), "must name an escalate dialog");
  }

  @Test
  void reportsEveryProblemAtOnceAndNeverHalfLoads() throws IOException {
    Files.delete(dir.resolve("dialogs/cytokines.yml"));
    write("intents/thanks.txt", "thank you\n");
    replace("dialogs/_system/helpline.yml", "Europe/London", "Mars/Olympus");
    ContentException e = assertThrows(ContentException.class, this::load);
    assertTrue(e.problems().size() >= 3, e.getMessage());
    assertTrue(e.getMessage().contains("intents/cytokines.txt:1"), e.getMessage());
    assertTrue(e.getMessage().contains("Mars/Olympus"), e.getMessage());
  }

  @Test
  void reportsMissingNotices() throws IOException {
    Files.delete(dir.resolve("dialogs/_system/notices.yml"));
    assertProblem("dialogs/_system/notices.yml", 0, "required system file is missing");
  }

  @Test
  void reportsANoticeWithoutTheHelplineNumberWithItsLine() throws IOException {
    String file = "dialogs/_system/notices.yml";
    replace(file, "call free on {phone}. In an emergency, call 999.\n# The reply to a message"
        + " the bot", "call us. In an emergency, call 999.\n# The reply to a message the bot");
    assertProblem(file, lineOf(file, "onlyText:"), "onlyText must give the helpline {phone}"
        + " and 999");
  }

  @Test
  void reportsAnEmptyOrOverlongNoticeWithItsLine() throws IOException {
    String file = "dialogs/_system/notices.yml";
    String text = Files.readString(dir.resolve(file));
    write(file, text.replaceFirst("callNow: \"[^\"]*\"", "callNow: \"\"")
        .replaceFirst("internalError: \"", "internalError: \"" + "Sorry. ".repeat(90)));
    assertProblem(file, lineOf(file, "callNow:"), "callNow is required");
    assertProblem(file, lineOf(file, "internalError:"), "internalError has");
  }

  @Test
  void reportsAMissingEmergencyNumber() throws IOException {
    replace("dialogs/_system/helpline.yml", "emergency: \"999\"\n", "");
    assertProblem("dialogs/_system/helpline.yml", 1, "emergency");
  }

  @Test
  void reportsATrainingExampleThatNearlyDuplicatesAnEvaluationLineWithoutQuotingThatLine()
      throws IOException {
    String evaluation = "could a cytokine drip leave me feeling like I have the flu";
    ContentLoader guarded = new ContentLoader(new ContentValidator(25, 600)
        .withEvaluationLines(List.of(new NearDuplicates.EvaluationLine(
            "src/test/resources/development/cytokines.txt", 9, evaluation))));
    assertEquals(34, guarded.load(ContentSource.directory(dir)).intents().size());

    append("intents/cytokines.txt", "Could a cytokine drip leave me feeling like I've the flu?");
    int line = lineOf("intents/cytokines.txt", "cytokine drip");
    ContentException e = assertThrows(ContentException.class,
        () -> guarded.load(ContentSource.directory(dir)));
    assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("intents/cytokines.txt")
        && p.line() == line && p.message().contains("nearly duplicates the evaluation line"
        + " src/test/resources/development/cytokines.txt:9")), e.getMessage());
    assertFalse(e.getMessage().contains(evaluation), e.getMessage());
    // Without evaluation lines the same content is valid: the check is opt-in.
    assertEquals(34, load().intents().size());
  }

  private Content load() {
    return loader.load(ContentSource.directory(dir));
  }

  private void assertProblem(String file, int line, String text) {
    ContentException e = assertThrows(ContentException.class, this::load);
    assertTrue(e.problems().stream().anyMatch(p -> p.file().equals(file) && p.line() == line
        && p.message().contains(text)), "expected " + file + ":" + line + " '" + text
        + "' in\n" + e.getMessage());
  }

  private int lineOf(String file, String needle) throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve(file));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(needle)) {
        return i + 1;
      }
    }
    throw new AssertionError(needle + " not in " + file);
  }

  private void write(String file, String text) throws IOException {
    Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
  }

  private void append(String file, String line) throws IOException {
    Files.writeString(dir.resolve(file), Files.readString(dir.resolve(file)) + "\n" + line
        + "\n", StandardCharsets.UTF_8);
  }

  private void replace(String file, String from, String to) throws IOException {
    String text = Files.readString(dir.resolve(file));
    assertTrue(text.contains(from), from + " not in " + file);
    Files.writeString(dir.resolve(file), text.replace(from, to), StandardCharsets.UTF_8);
  }
}
