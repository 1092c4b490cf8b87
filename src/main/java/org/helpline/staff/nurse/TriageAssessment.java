package org.helpline.staff.nurse;

import java.util.List;
import java.util.Optional;
import org.helpline.content.Dialog;
import org.helpline.handoff.HandoffReason;
import org.helpline.handoff.Urgency;

/**
 * What the triage assistant made of a caller's words.
 *
 * @param queueReason the reason the nurses' queue would show had this come in by chat (a
 *     route, an escalation, a handoff), or empty when the chat would answer from content
 * @param content the curated dialogs that fit, the escalation's or route's first
 * @param nextSteps the fitting dialogs' next steps, in order, without repeats
 */
public record TriageAssessment(Urgency urgency, Safety safety,
    Optional<HandoffReason> queueReason, List<IntentProbability> intents, List<Dialog> content,
    List<String> nextSteps) {

  public TriageAssessment {
    intents = List.copyOf(intents);
    content = List.copyOf(content);
    nextSteps = List.copyOf(nextSteps);
  }

  /**
   * The safety verdict.
   *
   * @param rule the safety rule id, or {@code classifier} for the classifier's safety net
   * @param dialog the escalation dialog, or null
   */
  public record Safety(boolean fired, String type, String rule, String dialog, String reason) {
  }

  /** One intent and the classifier's probability for it. */
  public record IntentProbability(String intent, double probability) {
  }
}
