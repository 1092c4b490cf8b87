package org.helpline.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.helpline.conversation.HelplineBot;
import org.helpline.conversation.Utterance;
import org.helpline.support.RealBot;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every script in {@code src/test/resources/conversations/} through the real bot (real
 * safety rules, real trained model, real engine). A script alternates what the person says
 * with what the bot must do, in the spirit of Rasa's test stories.
 */
class ConversationScriptTest {

  /** One script file. */
  record Script(String name, String at, List<Step> turns) {
  }

  /** One turn: the person's text (or tapped payload) and what the bot must do. */
  record Step(String user, String tap, Expect bot) {
  }

  /** What to check; absent fields are not checked. */
  record Expect(String action, String intent, String topic, String says, String escalation,
      String handoff, Boolean openNow) {
  }

  @TestFactory
  Stream<DynamicTest> scripts() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    Path folder = RealBot.PROJECT.resolve("src/test/resources/conversations");
    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files = list.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
    }
    assertTrue(files.size() >= 5, "expected conversation scripts in " + folder);
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
        () -> run(yaml.readValue(file.toFile(), Script.class))));
  }

  private static void run(Script script) {
    HelplineBot bot = RealBot.get();
    Instant now = Instant.parse(script.at() == null ? "2026-11-25T10:00:00Z" : script.at());
    ConversationState state = ConversationState.start(now);
    int n = 0;
    for (Step step : script.turns()) {
      n++;
      boolean tap = step.tap() != null;
      String text = tap ? step.tap() : step.user();
      Turn turn = bot.respond(state, tap ? Utterance.tapped(text) : Utterance.typed(text),
          Clock.fixed(now, ZoneOffset.UTC)).turn();
      String where = script.name() + ", turn " + n + " (" + text + ")";
      Expect e = step.bot();
      if (e.action() != null) {
        assertEquals(e.action(), turn.action().id(), where);
      }
      if (e.intent() != null) {
        assertEquals(e.intent(), turn.intent(), where);
      }
      if (e.topic() != null) {
        assertEquals(e.topic(), turn.state().topic(), where);
      }
      if (e.says() != null) {
        String all = String.join(" ", turn.replies().stream().map(r -> r.text()).toList());
        assertTrue(all.contains(e.says()), where + ": reply lacks '" + e.says() + "': " + all);
      }
      if (e.escalation() != null) {
        assertEquals(e.escalation(), turn.escalation().map(x -> x.type()).orElse(null), where);
      }
      if (e.handoff() != null) {
        assertEquals(e.handoff(), turn.handoff().map(x -> x.reason()).orElse(null), where);
      }
      if (e.openNow() != null) {
        assertEquals(e.openNow(), turn.handoff().map(x -> x.openNow()).orElse(null), where);
      }
      state = turn.state();
    }
  }
}
