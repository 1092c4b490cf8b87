package org.helpline.staff.nurse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.helpline.content.Content;
import org.helpline.content.Dialog;
import org.helpline.content.DialogAction;
import org.helpline.content.TriageSpec;
import org.helpline.conversation.HelplineBot;
import org.helpline.dialog.ConversationState;
import org.helpline.dialog.EscalationDecision;
import org.helpline.dialog.Turn;
import org.helpline.dialog.UserTurn;
import org.helpline.handoff.HandoffRecord;
import org.helpline.handoff.Urgency;
import org.helpline.nlu.Classification;
import org.helpline.nlu.IntentScore;
import org.helpline.safety.Escalation;
import org.helpline.safety.SafetyResult;

/**
 * The nurses' triage assistant: runs what a caller says through the running bot's safety
 * screen, classifier and dialog engine, exactly as a first chat message, and rates it from
 * content. Its safety verdict and queue reason are the engine's decision (one safety net for
 * chat and triage); urgency is emergency when the engine escalates, otherwise the most urgent
 * of the queue entry the chat would make and the {@code triage:} blocks of the dialogs that
 * fit, routine when none has one. Stateless and safe for concurrent use; it never stores or
 * logs the text.
 */
public final class TriageAssistant {

  /** Most intents listed. */
  static final int MAX_INTENTS = 5;
  /** Most content entries listed. */
  static final int MAX_CONTENT = 3;

  private TriageAssistant() {
  }

  /** The assessment of one caller's words. */
  public static TriageAssessment assess(HelplineBot bot, String text) {
    Content content = bot.content();
    SafetyResult safety = bot.screen().screen(text);
    Classification nlu = bot.classifier().classify(text);
    // The instant only decides whether the reply says the line is open, which triage ignores.
    Turn decided = bot.engine().respond(ConversationState.start(Instant.EPOCH),
        new UserTurn(safety, nlu, false, Instant.EPOCH));
    List<IntentScore> ranking = nlu.ranking();

    TriageAssessment.Safety verdict = safetyVerdict(decided, safety);
    List<Dialog> fitting = new ArrayList<>();
    // What the chat would answer with comes first: the escalation, or the route's handoff.
    decided.dialog().filter(d -> d.action() == DialogAction.ESCALATE
        || d.action() == DialogAction.HANDOFF).ifPresent(fitting::add);
    double floor = bot.engine().thresholds().clarifyFloor();
    for (int i = 0; i < ranking.size() && fitting.size() < MAX_CONTENT; i++) {
      IntentScore score = ranking.get(i);
      if (i > 0 && score.confidence() < floor) {
        break;
      }
      Optional<Dialog> dialog = content.dialog(score.intent());
      // An escalation dialog fits only when the engine escalated; "I'm not suicidal" is not one.
      boolean fits = dialog.isPresent() && dialog.get().action() != DialogAction.FALLBACK
          && dialog.get().action() != DialogAction.CLARIFY
          && dialog.get().action() != DialogAction.ESCALATE
          && fitting.stream().noneMatch(d -> d.id().equals(dialog.get().id()));
      if (fits) {
        fitting.add(dialog.get());
      }
    }

    Optional<HandoffRecord> referral = decided.referral();
    Urgency urgency = referral.map(HandoffRecord::urgency).orElse(Urgency.ROUTINE);
    Set<String> steps = new LinkedHashSet<>();
    for (Dialog d : fitting) {
      TriageSpec triage = d.triage();
      if (triage != null) {
        urgency = urgency.atLeast(Urgency.of(triage.urgency()).orElseThrow());
        steps.addAll(triage.nextSteps());
      }
    }
    if (verdict.fired()) {
      urgency = Urgency.EMERGENCY;
    }
    List<TriageAssessment.IntentProbability> intents = ranking.stream().limit(MAX_INTENTS)
        .map(s -> new TriageAssessment.IntentProbability(s.intent(),
            Math.round(s.confidence() * 1000) / 1000.0))
        .toList();
    return new TriageAssessment(urgency, verdict, referral.map(HandoffRecord::reason),
        intents, List.copyOf(fitting), List.copyOf(steps));
  }

  private static TriageAssessment.Safety safetyVerdict(Turn decided, SafetyResult safety) {
    Optional<EscalationDecision> escalated = decided.escalation();
    if (escalated.isPresent()) {
      EscalationDecision e = escalated.get();
      String dialog = decided.dialog().map(Dialog::id).orElse(null);
      Optional<Escalation> screened = safety.escalation();
      String why = screened.isPresent()
          ? "safety rule " + e.trigger() + " matched the phrase '" + screened.get().matched()
              + "'"
          : String.format(Locale.ROOT, "no rule matched, but the classifier rated %s at %.2f",
              decided.intent(), decided.confidence());
      return new TriageAssessment.Safety(true, e.type(), e.trigger(), dialog, why);
    }
    String reason = safety.negatedTypes().isEmpty() ? "no safety rule matched"
        : "no safety rule matched; the caller ruled out "
            + String.join(" and ", safety.negatedTypes().stream().sorted().toList());
    return new TriageAssessment.Safety(false, null, null, null, reason);
  }
}
