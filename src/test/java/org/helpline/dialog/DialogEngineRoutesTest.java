package org.helpline.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.helpline.content.Bubble;
import org.helpline.content.DialogAction;
import org.helpline.handoff.HandoffReason;
import org.helpline.handoff.Urgency;
import org.helpline.nlu.Classification;
import org.helpline.nlu.IntentScore;
import org.helpline.safety.Escalation;
import org.helpline.safety.Route;
import org.helpline.safety.SafetyResult;
import org.helpline.support.RealBot;
import org.junit.jupiter.api.Test;

/**
 * The routes in the pure engine, on the real content, with the screen's routes and the
 * classifier's ranking written by hand: when a route is taken, and what the person and the
 * nurses' queue get.
 */
class DialogEngineRoutesTest {

  private static final Instant WEDNESDAY_MORNING = Instant.parse("2026-11-25T10:00:00Z");

  private final DialogEngine engine = new DialogEngine(RealBot.get().content(),
      RealBot.get().engine().thresholds(), 3);
  private final ConversationState fresh = ConversationState.start(WEDNESDAY_MORNING);
  private final String phone = RealBot.get().content().helpline().phone();

  private static final Route SYMPTOM = new Route("possible_symptom", "worrying_symptom", true,
      "i + lump");
  private static final Route CANCER = new Route("cancer_words", "other_cancer_question", false,
      "chemo");

  private static UserTurn said(List<Route> routes, String intent, double confidence) {
    SafetyResult safety = new SafetyResult(Optional.empty(), Set.of(), routes);
    return new UserTurn(safety, new Classification("text",
        List.of(new IntentScore(intent, confidence), new IntentScore("greeting", 0.01))), false,
        WEDNESDAY_MORNING);
  }

  private static String text(Turn turn) {
    return String.join(" ", turn.replies().stream().map(Bubble::text).toList());
  }

  @Test
  void aSymptomIsNeverAnsweredWithContentHoweverSureTheClassifierIs() {
    Turn turn = engine.respond(fresh, said(List.of(SYMPTOM), "immunotherapy_side_effects",
        0.97));
    assertEquals(DialogAction.HANDOFF, turn.action());
    assertEquals("worrying_symptom", turn.intent());
    assertTrue(text(turn).contains("GP"), text(turn));
    assertTrue(text(turn).contains(phone), text(turn));
    assertEquals(HandoffReason.WORRYING_SYMPTOM, turn.referral().get().reason());
    assertEquals(Urgency.URGENT, turn.referral().get().urgency());
    assertTrue(turn.referral().get().summary().contains("route: possible_symptom"),
        turn.referral().get().summary());
  }

  @Test
  void aCancerQuestionTheContentDoesNotCoverReachesTheNursesInsteadOfTheFallback() {
    Turn routed = engine.respond(fresh, said(List.of(CANCER), "out_of_scope", 0.4));
    assertEquals(DialogAction.HANDOFF, routed.action());
    assertEquals("other_cancer_question", routed.intent());
    assertTrue(text(routed).contains(phone), text(routed));
    assertEquals(HandoffReason.OTHER_CANCER_QUESTION, routed.referral().get().reason());
    assertEquals(0, routed.state().misunderstandings());

    Turn unrelated = engine.respond(fresh, said(List.of(), "out_of_scope", 0.4));
    assertEquals(DialogAction.FALLBACK, unrelated.action());
  }

  @Test
  void aFrightenedPersonIsNotAskedToChooseATopic() {
    Route feelings = new Route("feelings", "feelings", false, true, "terrified");
    SafetyResult safety = new SafetyResult(Optional.empty(), Set.of(), List.of(feelings));
    Turn turn = engine.respond(fresh, new UserTurn(safety, new Classification("text",
        List.of(new IntentScore("immunotherapy_types", 0.45),
            new IntentScore("immunotherapy_what_is", 0.35))), false, WEDNESDAY_MORNING));
    assertEquals(DialogAction.HANDOFF, turn.action());
    assertEquals("feelings", turn.intent());
    assertEquals(HandoffReason.FEELINGS, turn.referral().get().reason());

    // The cancer words wait for the fallback: a topic question may still be clarified.
    SafetyResult cancer = new SafetyResult(Optional.empty(), Set.of(), List.of(CANCER));
    Turn clarified = engine.respond(fresh, new UserTurn(cancer, new Classification("text",
        List.of(new IntentScore("immunotherapy_types", 0.45),
            new IntentScore("immunotherapy_what_is", 0.35))), false, WEDNESDAY_MORNING));
    assertEquals(DialogAction.CLARIFY, clarified.action());
  }

  @Test
  void aConfidentOutOfScopeVerdictStillGivesWayToTheCancerWords() {
    Turn turn = engine.respond(fresh, said(List.of(CANCER), "out_of_scope", 0.95));
    assertEquals(DialogAction.HANDOFF, turn.action());
    assertEquals("other_cancer_question", turn.intent());
  }

  @Test
  void contentItCoversIsStillAnsweredWhenTheCancerWordsAreThereToo() {
    Turn turn = engine.respond(fresh, said(List.of(CANCER), "checkpoint_inhibitors", 0.95));
    assertEquals(DialogAction.ANSWER, turn.action());
    assertEquals("checkpoint_inhibitors", turn.intent());
  }

  @Test
  void anEmergencyComesBeforeAnyRoute() {
    Escalation fired = new Escalation("medical_emergency", "breathing", "medical_emergency",
        "cant breathe");
    SafetyResult safety = new SafetyResult(Optional.of(fired), Set.of(), List.of(SYMPTOM));
    Turn turn = engine.respond(fresh, new UserTurn(safety, new Classification("text",
        List.of(new IntentScore("out_of_scope", 0.5))), false, WEDNESDAY_MORNING));
    assertEquals(DialogAction.ESCALATE, turn.action());
  }

  @Test
  void aTreatmentRedFlagEscalatesAsAnEmergencyAndQueuesAsATreatmentRedFlag() {
    Escalation fired = new Escalation("medical_emergency", "treatment_red_flag",
        "treatment_fever", "nivolumab + diarrhoea + today");
    SafetyResult safety = new SafetyResult(Optional.of(fired), Set.of());
    Turn turn = engine.respond(fresh, new UserTurn(safety, new Classification("text",
        List.of(new IntentScore("immunotherapy_side_effects", 0.9))), false,
        WEDNESDAY_MORNING));
    assertEquals("medical_emergency", turn.escalation().get().type());
    assertEquals(HandoffReason.TREATMENT_RED_FLAG, turn.referral().get().reason());
    assertEquals(Urgency.EMERGENCY, turn.referral().get().urgency());
  }
}
