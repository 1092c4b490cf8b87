package org.helpline.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.helpline.content.Content;
import org.helpline.content.DialogAction;
import org.helpline.nlu.Classification;
import org.helpline.nlu.IntentScore;
import org.helpline.safety.Escalation;
import org.helpline.safety.SafetyResult;
import org.helpline.support.RealBot;
import org.junit.jupiter.api.Test;

/** The pure engine on the real content, with rankings written by hand. */
class DialogEngineTest {

  private static final Instant WEDNESDAY_MORNING = Instant.parse("2026-11-25T10:00:00Z");
  private static final Instant SATURDAY_NIGHT = Instant.parse("2026-11-28T02:00:00Z");

  private final Content content = RealBot.get().content();
  private final DialogEngine engine = new DialogEngine(content,
      RealBot.get().engine().thresholds(), 3);
  private final ConversationState fresh = ConversationState.start(WEDNESDAY_MORNING);

  private static UserTurn said(String text, Object... scores) {
    return said(SafetyResult.clear(), WEDNESDAY_MORNING, text, scores);
  }

  private static UserTurn said(SafetyResult safety, Instant now, String text,
      Object... scores) {
    List<IntentScore> ranking = new ArrayList<>();
    for (int i = 0; i < scores.length; i += 2) {
      ranking.add(new IntentScore((String) scores[i], (Double) scores[i + 1]));
    }
    return new UserTurn(safety, new Classification(text, ranking), false, now);
  }

  @Test
  void confidentIntentGetsItsCuratedAnswerAndFollowUps() {
    Turn turn = engine.respond(fresh, said("what are checkpoint inhibitors",
        "checkpoint_inhibitors", 0.9, "immunotherapy_types", 0.05));
    assertEquals(DialogAction.ANSWER, turn.action());
    assertEquals("checkpoint_inhibitors", turn.intent());
    assertEquals(content.dialogs().get("checkpoint_inhibitors").replies(), turn.replies());
    assertTrue(turn.quickReplies().stream().anyMatch(q -> q.payload().equals(
        "immunotherapy_side_effects")));
    assertEquals("checkpoint_inhibitors", turn.state().topic());
    // The answer carries its dialog, for the source and the review date (if any) it shows.
    assertEquals(content.dialogs().get("checkpoint_inhibitors"), turn.dialog().orElseThrow());
  }

  @Test
  void lowMarginAsksToClarifyWithBothOptionsAndSomethingElse() {
    Turn turn = engine.respond(fresh, said("how does it work",
        "immunotherapy_how_it_works", 0.42, "immunotherapy_what_is", 0.38));
    assertEquals(DialogAction.CLARIFY, turn.action());
    assertTrue(turn.replies().get(0).text().contains("Did you mean"));
    assertEquals(List.of("immunotherapy_how_it_works", "immunotherapy_what_is",
        DialogEngine.SOMETHING_ELSE), turn.quickReplies().stream().map(QuickReply::payload)
        .toList());
  }

  @Test
  void lowConfidenceFallsBackOfferingTopicsAndTheNurses() {
    Turn turn = engine.respond(fresh, said("blorp", "greeting", 0.12, "thanks", 0.1));
    assertEquals(DialogAction.FALLBACK, turn.action());
    assertNull(turn.intent());
    assertTrue(turn.replies().stream().anyMatch(r -> r.text().contains("0808 800 4040")));
    assertTrue(turn.quickReplies().stream().anyMatch(q -> q.payload().equals("talk_to_nurse")));
    assertEquals(1, turn.state().misunderstandings());
  }

  @Test
  void outOfScopeIsAFallbackNotAnAnswer() {
    Turn turn = engine.respond(fresh, said("how do i donate clothes", "out_of_scope", 0.95));
    assertEquals(DialogAction.FALLBACK, turn.action());
    assertEquals("out_of_scope", turn.intent());
  }

  @Test
  void threeMisunderstandingsInARowHandOffToTheNurses() {
    ConversationState state = fresh;
    Turn turn = null;
    for (int i = 0; i < 3; i++) {
      turn = engine.respond(state, said("blorp", "out_of_scope", 0.9));
      state = turn.state();
    }
    assertEquals(DialogAction.HANDOFF, turn.action());
    assertEquals("repeated_misunderstanding", turn.handoff().get().reason());
    assertEquals(0, turn.state().misunderstandings());
  }

  @Test
  void anAnswerResetsTheMisunderstandingCount() {
    ConversationState state = engine.respond(fresh, said("blorp", "out_of_scope", 0.9)).state();
    state = engine.respond(state, said("blorp", "out_of_scope", 0.9)).state();
    state = engine.respond(state, said("hi", "greeting", 0.9)).state();
    assertEquals(0, state.misunderstandings());
    assertEquals(DialogAction.FALLBACK, engine.respond(state, said("blorp", "out_of_scope", 0.9))
        .action());
  }

  @Test
  void askingForANurseHandsOffWithOpenNowDuringOfficeHours() {
    Turn turn = engine.respond(fresh, said("can i speak to a nurse", "talk_to_nurse", 0.9));
    assertEquals(DialogAction.HANDOFF, turn.action());
    HandoffDecision handoff = turn.handoff().get();
    assertTrue(handoff.openNow());
    assertEquals("0808 800 4040", handoff.phone());
    assertTrue(turn.replies().stream().anyMatch(r -> r.text().contains("0808 800 4040")));
    assertTrue(turn.state().handoffOffered());
  }

  @Test
  void outOfHoursTheHandoffSaysWhenTheLineOpensAndWhatToDoMeanwhile() {
    Turn turn = engine.respond(ConversationState.start(SATURDAY_NIGHT), said(SafetyResult.clear(),
        SATURDAY_NIGHT, "should i stop my tablets", "personal_medical_advice", 0.9));
    HandoffDecision handoff = turn.handoff().get();
    assertFalse(handoff.openNow());
    assertEquals("on Monday at 9am", handoff.nextOpen());
    assertEquals("personal_medical_advice", handoff.reason());
    String all = String.join(" ", turn.replies().stream().map(r -> r.text()).toList());
    assertTrue(all.contains("on Monday at 9am"), all);
    assertTrue(all.contains("999") && all.contains("111"), all);
  }

  @Test
  void theSafetyScreenComesFirstEvenAfterAHandoff() {
    ConversationState handedOff = new ConversationState("checkpoint_inhibitors", 2, true,
        WEDNESDAY_MORNING);
    SafetyResult fired = new SafetyResult(Optional.of(new Escalation("self_harm",
        "suicidal_thoughts", "self_harm", "want to die")), Set.of());
    Turn turn = engine.respond(handedOff, said(fired, WEDNESDAY_MORNING, "i want to die",
        "greeting", 0.99));
    assertEquals(DialogAction.ESCALATE, turn.action());
    assertEquals("self_harm", turn.escalation().get().type());
    assertTrue(turn.escalation().get().numbers().contains("116 123"));
  }

  @Test
  void theClassifierIsASecondSafetyNet() {
    Turn turn = engine.respond(fresh, said("something unusual", "talk_to_nurse", 0.5,
        "medical_emergency", 0.4));
    assertEquals(DialogAction.ESCALATE, turn.action());
    assertEquals("classifier", turn.escalation().get().trigger());
  }

  @Test
  void aNegatedCrisisDoesNotTriggerTheClassifierNet() {
    SafetyResult negated = new SafetyResult(Optional.empty(), Set.of("self_harm"));
    Turn turn = engine.respond(fresh, said(negated, WEDNESDAY_MORNING,
        "im not suicidal just asking about side effects", "self_harm", 0.6,
        "immunotherapy_side_effects", 0.3));
    assertFalse(turn.action() == DialogAction.ESCALATE);
  }

  @Test
  void followUpsResolveAgainstTheCurrentTopic() {
    ConversationState state = engine.respond(fresh, said("what is car t",
        "adoptive_cell_transfer", 0.9)).state();
    Turn turn = engine.respond(state, said("is that only in trials", "clinical_trials", 0.7,
        "immunotherapy_availability", 0.2));
    assertEquals("clinical_trials", turn.intent());
    assertEquals(content.dialogs().get("adoptive_cell_transfer").inContextFor("clinical_trials")
        .get().replies(), turn.replies());
    assertEquals("adoptive_cell_transfer", turn.state().topic());
  }

  @Test
  void aMessageNamingAnotherTopicMovesToIt() {
    ConversationState state = engine.respond(fresh, said("what is car t",
        "adoptive_cell_transfer", 0.9)).state();
    Turn turn = engine.respond(state, said("what side effects does pembrolizumab have",
        "immunotherapy_side_effects", 0.9));
    assertEquals(content.dialogs().get("checkpoint_inhibitors")
        .inContextFor("immunotherapy_side_effects").get().replies(), turn.replies());
    assertEquals("checkpoint_inhibitors", turn.state().topic());
  }

  @Test
  void aQuickReplyIsTakenAtFaceValue() {
    Turn turn = engine.respond(fresh, new UserTurn(SafetyResult.clear(),
        Classification.certain("cytokines", "cytokines"), true, WEDNESDAY_MORNING));
    assertEquals(DialogAction.ANSWER, turn.action());
    assertEquals(1.0, turn.confidence());
    Turn other = engine.respond(fresh, new UserTurn(SafetyResult.clear(),
        Classification.certain("fallback", DialogEngine.SOMETHING_ELSE), true,
        WEDNESDAY_MORNING));
    assertEquals(DialogAction.FALLBACK, other.action());
    assertEquals(0, other.state().misunderstandings());
  }

  @Test
  void anEmptyRankingFallsBack() {
    Turn turn = engine.respond(fresh, said(""));
    assertEquals(DialogAction.FALLBACK, turn.action());
  }
}
