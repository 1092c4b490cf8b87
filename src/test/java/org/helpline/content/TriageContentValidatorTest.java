package org.helpline.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.helpline.support.RealBot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The triage blocks and the "passed on" text: loaded from content and checked. */
class TriageContentValidatorTest {

  @TempDir
  Path dir;

  private final ContentLoader loader = new ContentLoader(new ContentValidator(25, 600));

  @BeforeEach
  void copyRealContent() throws IOException {
    RealBot.copyContentTo(dir);
  }

  @Test
  void theRealTriageBlocksAreLoaded() {
    Content content = load();
    assertEquals("urgent", content.dialogs().get("immunotherapy_side_effects").triage()
        .urgency());
    assertEquals("emergency", content.systemDialogs().get("treatment_fever").triage()
        .urgency());
    assertTrue(content.handoff().passedOn().contains("{phone}"));
  }

  @Test
  void reportsAnUnknownUrgencyWithItsLine() throws IOException {
    replace("dialogs/immunotherapy_side_effects.yml", "urgency: urgent", "urgency: soonish");
    assertProblem("dialogs/immunotherapy_side_effects.yml",
        lineOf("dialogs/immunotherapy_side_effects.yml", "triage:"), "triage urgency");
  }

  @Test
  void reportsATriageBlockWithoutNextSteps() throws IOException {
    replace("dialogs/talk_to_nurse.yml", "  nextSteps:\n"
        + "    - \"Ask what they would like to talk about and who the questions are for.\"\n"
        + "    - \"Check there are no urgent symptoms before going further.\"\n",
        "  nextSteps: []\n");
    assertProblem("dialogs/talk_to_nurse.yml", lineOf("dialogs/talk_to_nurse.yml", "triage:"),
        "at least one");
  }

  @Test
  void reportsAnEmptyNextStep() throws IOException {
    replace("dialogs/talk_to_nurse.yml",
        "\"Check there are no urgent symptoms before going further.\"", "\"  \"");
    assertProblem("dialogs/talk_to_nurse.yml", lineOf("dialogs/talk_to_nurse.yml", "triage:"),
        "next step is empty");
  }

  @Test
  void reportsAPassedOnTextWithoutTheNumber() throws IOException {
    replace("dialogs/_system/handoff.yml", "call them free on {phone}", "call them free");
    assertProblem("dialogs/_system/handoff.yml", lineOf("dialogs/_system/handoff.yml",
        "passedOn"), "passedOn");
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

  private void replace(String file, String from, String to) throws IOException {
    String text = Files.readString(dir.resolve(file));
    assertTrue(text.contains(from), from + " not in " + file);
    Files.writeString(dir.resolve(file), text.replace(from, to), StandardCharsets.UTF_8);
  }
}
