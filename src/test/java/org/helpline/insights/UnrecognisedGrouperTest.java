package org.helpline.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.helpline.nlu.TextNormaliser;
import org.junit.jupiter.api.Test;

/** Unrecognised questions are grouped by shared words, deterministically, biggest first. */
class UnrecognisedGrouperTest {

  private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

  private static MisunderstoodTurn turn(String text, String intent, int minutes) {
    return new MisunderstoodTurn(text, "fallback", intent, intent == null ? null : 0.3,
        T0.plusSeconds(60L * minutes));
  }

  private final UnrecognisedGrouper grouper =
      new UnrecognisedGrouper(new TextNormaliser(Map.of("grapefriut", "grapefruit")));

  @Test
  void similarQuestionsFormOneGroupWithCountsExamplesIntentsAndLastSeen() {
    List<UnrecognisedReport.Group> groups = grouper.group(List.of(
        turn("Can I eat grapefruit?", "immunotherapy_side_effects", 1),
        turn("can i eat grapefriut on chemo", "immunotherapy_side_effects", 5),
        turn("is it ok to eat grapefruit", "targeted_drugs", 3),
        turn("what's the weather like today", "out_of_scope", 4)));

    assertEquals(2, groups.size());
    UnrecognisedReport.Group grapefruit = groups.get(0);
    assertEquals(3, grapefruit.count());
    assertEquals(List.of("can i eat grapefriut on chemo", "is it ok to eat grapefruit",
        "Can I eat grapefruit?"), grapefruit.examples());
    assertEquals(List.of(new UnrecognisedReport.IntentCount("immunotherapy_side_effects", 2),
        new UnrecognisedReport.IntentCount("targeted_drugs", 1)), grapefruit.closestIntents());
    assertEquals(T0.plusSeconds(300), grapefruit.lastSeen());
    assertEquals(1, groups.get(1).count());
    assertEquals(List.of("what's the weather like today"), groups.get(1).examples());
  }

  @Test
  void differentQuestionsStayApart() {
    List<UnrecognisedReport.Group> groups = grouper.group(List.of(
        turn("weather today", null, 1),
        turn("weather tomorrow in leeds", null, 2),
        turn("parking at the hospital", null, 3)));
    assertEquals(3, groups.size());
    assertEquals(List.of(), groups.get(0).closestIntents());
  }

  @Test
  void textsWithoutContentWordsGroupOnlyWithTheSameText() {
    List<UnrecognisedReport.Group> groups = grouper.group(List.of(
        turn("what?", null, 1), turn("What", null, 2), turn("how?", null, 3)));
    assertEquals(2, groups.size());
    assertEquals(2, groups.get(0).count());
  }

  @Test
  void theSameInputAlwaysGivesTheSameGroupsWhateverTheOrder() {
    List<MisunderstoodTurn> turns = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      turns.add(turn((i % 3 == 0 ? "eat grapefruit " : i % 3 == 1 ? "parking hospital "
          : "wig shop ") + i, null, i % 4));
    }
    List<UnrecognisedReport.Group> forward = grouper.group(turns);
    List<MisunderstoodTurn> reversed = new ArrayList<>(turns);
    Collections.reverse(reversed);
    assertEquals(forward, grouper.group(reversed));
  }

  @Test
  void biggestGroupComesFirstThenTheMostRecent() {
    List<UnrecognisedReport.Group> groups = grouper.group(List.of(
        turn("wig shop", null, 1), turn("a wig shop nearby", null, 2),
        turn("parking hospital", null, 9)));
    assertEquals(2, groups.get(0).count());
    assertEquals(1, groups.get(1).count());
  }
}
