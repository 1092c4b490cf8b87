package org.helpline.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.helpline.content.Bubble;
import org.helpline.content.Content;
import org.helpline.content.DialogAction;
import org.helpline.nlu.Classification;
import org.helpline.nlu.IntentScore;
import org.helpline.safety.Escalation;
import org.helpline.safety.SafetyResult;
import org.helpline.support.RealBot;
import org.junit.jupiter.api.Test;

/** While the nurses have a conversation (a handoff is open), on the real content. */
class DialogEngineOpenHandoffTest {

  private static final Instant WEDNESDAY_MORNING = Instant.parse("2026-11-25T10:00:00Z");
  private static final Instant SATURDAY_NIGHT = Instant.parse("2026-11-28T02:00:00Z");

  private final Content content = RealBot.get().content();
  private final DialogEngine engine = new DialogEngine(content,
      RealBot.get().engine().thresholds(), 3);
  private final ConversationState withNurses = new ConversationState(null, 0, true,
      WEDNESDAY_MORNING);
  private final ConversationState fresh = ConversationState.start(WEDNESDAY_MORNING);

  private static UserTurn said(SafetyResult safety, Instant now, String intent,
      double confidence) {
    return new UserTurn(safety, new Classification("text", List.of(
        new IntentScore(intent, confidence))), false, now);
  }

  private static UserTurn said(String intent, double confidence) {
    return said(SafetyResult.clear(), WEDNESDAY_MORNING, intent, confidence);
  }

  private static String all(Turn turn) {
    return String.join(" ", turn.replies().stream().map(Bubble::text).toList());
  }

  @Test
  void anInformationQuestionIsAnsweredAfterSayingTheNursesHaveTheConversation() {
    Turn turn = engine.respond(withNurses, said("checkpoint_inhibitors", 0.9));
    assertEquals(DialogAction.ANSWER, turn.action());
    String first = turn.replies().get(0).text();
    assertTrue(first.contains("passed our conversation on to our nurses"), first);
    assertTrue(first.contains("0808 800 4040"), first);
    assertTrue(first.contains("Monday to Friday, 9am to 5pm"), first);
    assertEquals(content.dialogs().get("checkpoint_inhibitors").replies(),
        turn.replies().subList(1, turn.replies().size()));
    assertTrue(turn.state().handoffOffered());
  }

  @Test
  void withoutAnOpenHandoffThereIsNoNotice() {
    Turn turn = engine.respond(fresh, said("checkpoint_inhibitors", 0.9));
    assertFalse(all(turn).contains("passed our conversation on"), all(turn));
  }

  @Test
  void notUnderstoodStillSaysTheNursesHaveIt() {
    Turn turn = engine.respond(withNurses, said("greeting", 0.1));
    assertEquals(DialogAction.FALLBACK, turn.action());
    assertTrue(turn.replies().get(0).text().contains("passed our conversation on"));
  }

  @Test
  void askingForANurseAgainSaysItIsAlreadyWithThemInsteadOfPassingItOnTwice() {
    Turn turn = engine.respond(withNurses, said("talk_to_nurse", 0.9));
    assertEquals(DialogAction.HANDOFF, turn.action());
    String text = all(turn);
    assertTrue(text.contains("passed our conversation on"), text);
    assertEquals(1, text.split("passed our conversation on", -1).length - 1, text);
    assertFalse(text.contains("Our nurses are there now"), text);
    assertTrue(turn.handoff().get().openNow());
    assertTrue(turn.state().handoffOffered());
  }

  @Test
  void outOfHoursTheNoticeComesWithTheNextOpeningAndAlternatives() {
    ConversationState night = new ConversationState(null, 0, true, SATURDAY_NIGHT);
    Turn turn = engine.respond(night, said(SafetyResult.clear(), SATURDAY_NIGHT,
        "personal_medical_advice", 0.9));
    String text = all(turn);
    assertTrue(text.contains("passed our conversation on"), text);
    assertTrue(text.contains("on Monday at 9am"), text);
    assertTrue(text.contains("116 123") && text.contains("111"), text);
  }

  @Test
  void anEmergencyEscalatesExactlyAsWithoutAHandoff() {
    SafetyResult fired = new SafetyResult(Optional.of(new Escalation("medical_emergency",
        "not_breathing", "medical_emergency", "not breathing")), Set.of());
    Turn with = engine.respond(withNurses, said(fired, WEDNESDAY_MORNING, "greeting", 0.9));
    Turn without = engine.respond(fresh, said(fired, WEDNESDAY_MORNING, "greeting", 0.9));
    assertEquals(DialogAction.ESCALATE, with.action());
    assertEquals(without.replies(), with.replies());
    assertTrue(with.replies().get(0).text().contains("999"));
    assertTrue(with.state().handoffOffered());
  }
}
