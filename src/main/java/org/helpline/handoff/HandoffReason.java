package org.helpline.handoff;

import java.util.Optional;

/**
 * Why a conversation joined the nurses' queue. Handoff dialogs name a reason; the engine gives
 * the rest (repeated misunderstanding, and escalations).
 */
public enum HandoffReason implements Term {
  ASKED_FOR_NURSE,
  PERSONAL_MEDICAL_ADVICE,
  REPEATED_MISUNDERSTANDING,
  DISTRESS,
  ESCALATION,
  /** A route: a possible cancer symptom, not an emergency (see a GP soon). */
  WORRYING_SYMPTOM,
  /** A route: a possible immune or infection reaction during or after treatment. */
  TREATMENT_RED_FLAG,
  /** A route: fear, worry, low mood, loneliness or grief. */
  FEELINGS,
  /** A route: their own outlook, stage, results or treatment plan. */
  PROGNOSIS,
  /** A route: a question about cancer that the content does not cover. */
  OTHER_CANCER_QUESTION;

  /**
   * The reason an escalation joins the queue with: the one its dialog names, else a person at
   * risk of harming themselves is in distress and any other escalation (a medical emergency)
   * is an escalation.
   */
  public static HandoffReason forEscalation(String escalationType, String named) {
    if (named != null) {
      return of(named).orElseThrow(() -> new IllegalArgumentException("reason " + named));
    }
    return "self_harm".equals(escalationType) ? DISTRESS : ESCALATION;
  }

  public static Optional<HandoffReason> of(String id) {
    return Term.of(HandoffReason.class, id);
  }
}
