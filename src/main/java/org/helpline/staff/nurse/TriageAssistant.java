package org.helpline.staff.nurse;

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
import org.helpline.dialog.NluThresholds;
import org.helpline.handoff.Urgency;
import org.helpline.nlu.Classification;
import org.helpline.nlu.IntentScore;
import org.helpline.safety.Escalation;
import org.helpline.safety.SafetyResult;

/**
 * The nurses' triage assistant: runs what a caller says through the running bot's safety
 * screen and classifier, and rates it from content. Urgency is data: emergency when the
 * safety screen (or the classifier's safety net) fires, otherwise the most urgent
 * {@code triage:} block among the dialogs that fit, routine when none has one. Stateless and
 * safe for concurrent use; it never stores or logs the text.
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
    NluThresholds thresholds = bot.engine().thresholds();
    SafetyResult safety = bot.screen().screen(text);
    Classification nlu = bot.classifier().classify(text);
    List<IntentScore> ranking = nlu.ranking();

    TriageAssessment.Safety verdict = safetyVerdict(content, thresholds, safety, ranking);
    List<Dialog> fitting = new ArrayList<>();
    if (verdict.fired()) {
      content.dialog(verdict.dialog()).ifPresent(fitting::add);
    }
    for (int i = 0; i < ranking.size() && fitting.size() < MAX_CONTENT; i++) {
      IntentScore score = ranking.get(i);
      if (i > 0 && score.confidence() < thresholds.clarifyFloor()) {
        break;
      }
      Optional<Dialog> dialog = content.dialog(score.intent());
      // An escalation dialog fits only when the screen fired; "I'm not suicidal" is not one.
      boolean fits = dialog.isPresent() && dialog.get().action() != DialogAction.FALLBACK
          && dialog.get().action() != DialogAction.CLARIFY
          && dialog.get().action() != DialogAction.ESCALATE
          && fitting.stream().noneMatch(d -> d.id().equals(dialog.get().id()));
      if (fits) {
        fitting.add(dialog.get());
      }
    }

    Urgency urgency = verdict.fired() ? Urgency.EMERGENCY : Urgency.ROUTINE;
    Set<String> steps = new LinkedHashSet<>();
    for (Dialog d : fitting) {
      TriageSpec triage = d.triage();
      if (triage != null) {
        urgency = urgency.atLeast(Urgency.of(triage.urgency()).orElseThrow());
        steps.addAll(triage.nextSteps());
      }
    }
    List<TriageAssessment.IntentProbability> intents = ranking.stream().limit(MAX_INTENTS)
        .map(s -> new TriageAssessment.IntentProbability(s.intent(),
            Math.round(s.confidence() * 1000) / 1000.0))
        .toList();
    return new TriageAssessment(urgency, verdict, intents, List.copyOf(fitting),
        List.copyOf(steps));
  }

  private static TriageAssessment.Safety safetyVerdict(Content content,
      NluThresholds thresholds, SafetyResult safety, List<IntentScore> ranking) {
    if (safety.escalation().isPresent()) {
      Escalation e = safety.escalation().get();
      return new TriageAssessment.Safety(true, e.type(), e.rule(), e.dialog(),
          "safety rule " + e.rule() + " matched the phrase '" + e.matched() + "'");
    }
    for (IntentScore s : ranking) {
      if (s.confidence() < thresholds.safetyNetConfidence()) {
        break;
      }
      Optional<Dialog> d = content.dialog(s.intent());
      if (d.isPresent() && d.get().action() == DialogAction.ESCALATE
          && d.get().escalation() != null
          && !safety.negatedTypes().contains(d.get().escalation().type())) {
        return new TriageAssessment.Safety(true, d.get().escalation().type(), "classifier",
            d.get().id(), String.format(Locale.ROOT,
            "no rule matched, but the classifier rated %s at %.2f", s.intent(),
            s.confidence()));
      }
    }
    String reason = safety.negatedTypes().isEmpty() ? "no safety rule matched"
        : "no safety rule matched; the caller ruled out "
            + String.join(" and ", safety.negatedTypes().stream().sorted().toList());
    return new TriageAssessment.Safety(false, null, null, null, reason);
  }
}
