package org.helpline.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.helpline.content.Bubble;
import org.helpline.content.DialogAction;
import org.helpline.dialog.ConversationState;
import org.helpline.dialog.Turn;
import org.helpline.handoff.HandoffReason;
import org.helpline.safety.SafetyScreen;
import org.helpline.content.RouteRule;
import org.helpline.content.RouteRules;
import org.helpline.content.SafetyRules;
import org.helpline.nlu.TextNormaliser;
import org.helpline.support.RealBot;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The routes through the real bot (its safety screen, routes, trained model and engine), one
 * first message each, as a person at 11:00 on a Wednesday would get them. These sentences are
 * examples for readers; the measured figures come from the blind set (BlindSetTest).
 */
class RoutesTest {

  private static final Instant OPEN = Instant.parse("2026-12-02T11:00:00Z");

  private final HelplineBot bot = RealBot.get();

  private Turn first(String text) {
    return bot.respond(ConversationState.start(OPEN), Utterance.typed(text),
        Clock.fixed(OPEN, ZoneOffset.UTC)).turn();
  }

  private static String text(Turn turn) {
    return String.join(" ", turn.replies().stream().map(Bubble::text).toList());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "I've found a lump in my armpit|worrying_symptom|worrying_symptom",
      "my husband has had a hoarse voice for two months|worrying_symptom|worrying_symptom",
      "what is chemotherapy like|other_cancer_question|other_cancer_question",
      "how do I tell my children I have cancer|other_cancer_question|other_cancer_question",
      "I've just been diagnosed and I'm so frightened|feelings|feelings",
      "how long has my dad got left|prognosis|prognosis"})
  void cancerQuestionsTheContentDoesNotCoverReachTheNursesKindly(String said, String dialog,
      String reason) {
    Turn turn = first(said);
    assertEquals(DialogAction.HANDOFF, turn.action(), said);
    assertEquals(dialog, turn.intent(), said);
    assertEquals(HandoffReason.of(reason).orElseThrow(), turn.referral().get().reason());
    assertTrue(text(turn).contains(bot.content().helpline().phone()), text(turn));
    assertTrue(!text(turn).contains("say it another way"), text(turn));
  }

  @Test
  void aSymptomNamesTheGpAndNeverGetsContent() {
    Turn turn = first("there's blood in my poo and I've lost weight without trying");
    assertEquals(DialogAction.HANDOFF, turn.action());
    assertTrue(text(turn).contains("GP"), text(turn));
    assertTrue(text(turn).contains("111"), text(turn));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "I've had diarrhoea six times today since my last pembrolizumab|treatment_fever",
      "finished nivolumab months ago and now my eyes have gone yellow|treatment_fever",
      "my mum is suddenly very confused and drowsy|medical_emergency"})
  void treatmentRedFlagsAndSuddenConfusionEscalate(String said, String dialog) {
    Turn turn = first(said);
    assertEquals(DialogAction.ESCALATE, turn.action(), said);
    assertEquals(dialog, turn.dialog().get().id(), said);
    assertEquals("medical_emergency", turn.escalation().get().type());
  }

  @Test
  void feelingWellEarlierDoesNotSilenceAFeverOnTreatmentNow() {
    Turn turn = first("im on chemo and was feeling well yesterday but now im shivering with a"
        + " temperature of 39");
    assertEquals(DialogAction.ESCALATE, turn.action());
    assertEquals("treatment_fever", turn.dialog().get().id());
  }

  @Test
  void anOverdoseIsEscalatedAsSelfHarm() {
    Turn turn = first("I've taken a whole packet of paracetamol");
    assertEquals("self_harm", turn.escalation().get().type());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "can immunotherapy cause diarrhoea|immunotherapy_side_effects",
      "what are checkpoint inhibitors|checkpoint_inhibitors"})
  void calmQuestionsTheContentCoversAreStillAnswered(String said, String intent) {
    Turn turn = first(said);
    assertEquals(DialogAction.ANSWER, turn.action(), said);
    assertEquals(intent, turn.intent(), said);
  }

  @Test
  void unrelatedQuestionsGetThePoliteFallbackNotTheNurses() {
    Turn turn = first("what time does the football start tonight");
    assertEquals(DialogAction.FALLBACK, turn.action());
  }

  @Test
  void aRouteIsSilencedByANegationAndStoppedByItsUnlessWords() {
    SafetyScreen screen = new SafetyScreen(new SafetyRules(List.of("no", "dont"), List.of("but"),
        List.of()), new RouteRules(List.of(new RouteRule("symptom", "worrying_symptom",
        RouteRule.FIRST, List.of("lump"), List.of(), List.of("immunotherapy")))),
        TextNormaliser.plain());
    assertEquals("symptom", screen.screen("I found a lump").firstRoute().get().rule());
    assertTrue(screen.screen("I dont have a lump").routes().isEmpty());
    assertTrue(screen.screen("can immunotherapy cause a lump").routes().isEmpty());
  }
}
