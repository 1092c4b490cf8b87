package org.helpline.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.helpline.config.HelplineSettings;
import org.helpline.content.ContentSource;
import org.helpline.conversation.HelplineBot;
import org.helpline.support.RealBot;
import org.helpline.support.SafetyEdits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published content beside drafts made from a copy of it, with the real model, rules and
 * packaged sets: the same content changes nothing; a draft without a self-harm rule's phrases
 * lowers safety; a draft that files most of one intent's examples under another makes it worse.
 * Each draft is trained once for the class.
 */
class ComparisonTest {

  /** The intent whose examples the second draft moves, and where to. */
  private static final String MOVED = "cytokines";
  private static final String MOVED_TO = "immune_system";
  /** The examples the moved intent keeps: the validator's minimum. */
  private static final int KEPT = 25;

  private static final EvaluationSets SETS =
      EvaluationSets.fromClasspath(ComparisonTest.class.getClassLoader());

  @TempDir
  static Path drafts;

  private static Comparison.Report withoutSelfHarmPhrases;
  private static Comparison.Report moved;

  @BeforeAll
  static void compareTheDrafts() throws IOException {
    Path safetyDraft = drafts.resolve("safety");
    RealBot.copyContentTo(safetyDraft);
    withoutSelfHarmPhrases = Comparison.compare(RealBot.get(),
        build(withoutPhrasesOfRule(safetyDraft, "self_harm")), SETS);
    Path movedDraft = drafts.resolve("moved");
    RealBot.copyContentTo(movedDraft);
    moveExamples(movedDraft);
    moved = Comparison.compare(RealBot.get(), build(movedDraft), SETS);
  }

  @Test
  void thePublishedContentBesideItselfChangesNothing() {
    Comparison.Report same = Comparison.compare(RealBot.get(), RealBot.get(), SETS);
    assertEquals(same.published(), same.draft());
    assertEquals(List.of(), same.better());
    assertEquals(List.of(), same.worse());
    assertEquals(0, same.changedCount());
    assertEquals(List.of(), same.changed());
    assertFalse(same.safetyLowered());
    assertEquals(List.of(), same.lostEscalations());
    assertEquals(0, same.testEscalationsLost());
    // Every figure is there: the build packages every set.
    Comparison.Figures f = same.published();
    for (Proportion p : List.of(f.developmentAccuracy(), f.testAccuracy(), f.safetyRecall(),
        f.safetyRegression())) {
      assertTrue(p.total() > 0, f.toString());
    }
  }

  @Test
  void aDraftWithoutASelfHarmRulesPhrasesLowersSafetyAndListsTheMessages() {
    Comparison.Report r = withoutSelfHarmPhrases;
    assertTrue(r.safetyLowered());
    assertFalse(r.lostEscalations().isEmpty());
    for (Comparison.LostEscalation lost : r.lostEscalations()) {
      assertEquals("self_harm", lost.category(), lost.toString());
      assertFalse("self_harm".equals(lost.escalationAfter()), lost.toString());
    }
    assertTrue(r.draft().safetyRegression().count() < r.published().safetyRegression().count());
    assertEquals(r.published().safetyRegression().count()
        - r.lostEscalations().size(), r.draft().safetyRegression().count(),
        "the draft escalates no regression message the published bot missed");
  }

  @Test
  void aDraftThatFilesAnIntentsExamplesUnderAnotherShowsItWorse() {
    Comparison.Report r = moved;
    assertTrue(r.worse().stream().anyMatch(c -> c.intent().equals(MOVED)), r.worse().toString());
    for (int i = 1; i < r.worse().size(); i++) {
      assertTrue(r.worse().get(i - 1).change() <= r.worse().get(i).change(), "most worse first");
    }
    List<Comparison.ChangedExample> broken = r.changed().stream()
        .filter(c -> c.expected().equals(MOVED) && c.predictedBefore().equals(MOVED)
            && !c.predictedAfter().equals(MOVED))
        .toList();
    assertFalse(broken.isEmpty(), r.changed().toString());
    Comparison.ChangedExample first = r.changed().get(0);
    assertTrue(first.expected().equals(first.predictedBefore())
        && !first.expected().equals(first.predictedAfter()), "right to wrong first: " + first);
    assertFalse(r.safetyLowered(), r.lostEscalations().toString());
  }

  @Test
  void theReportIsPlainJson() throws IOException {
    ObjectMapper json = new ObjectMapper();
    String text = json.writeValueAsString(withoutSelfHarmPhrases);
    JsonNode tree = json.readTree(text);
    assertTrue(tree.get("safetyLowered").asBoolean(), text);
    JsonNode recall = tree.get("draft").get("safetyRegression");
    Proportion p = withoutSelfHarmPhrases.draft().safetyRegression();
    assertEquals(p.count(), recall.get("count").asInt());
    assertEquals(p.value(), recall.get("value").asDouble());
    assertEquals(p.wilsonLower(), recall.get("interval").get("lower").asDouble());
    assertEquals(withoutSelfHarmPhrases, json.readValue(text, Comparison.Report.class));
  }

  private static HelplineBot build(Path content) {
    return HelplineSettings.botFactory().build(ContentSource.directory(content));
  }

  /** The copy with one rule's phrases replaced by one nobody writes, so the rule stays valid. */
  private static Path withoutPhrasesOfRule(Path content, String rule) throws IOException {
    Path file = content.resolve("dialogs/_system/safety.yml");
    Files.writeString(file, SafetyEdits.withoutPhrasesOfRule(
        Files.readString(file, StandardCharsets.UTF_8), rule), StandardCharsets.UTF_8);
    return content;
  }

  /** Moves all but {@link #KEPT} of the moved intent's examples to the other intent. */
  private static void moveExamples(Path content) throws IOException {
    Path from = content.resolve("intents/" + MOVED + ".txt");
    List<String> examples = Files.readAllLines(from, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    Files.write(from, examples.subList(0, KEPT), StandardCharsets.UTF_8);
    Files.write(content.resolve("intents/" + MOVED_TO + ".txt"),
        examples.subList(KEPT, examples.size()), StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
  }
}
