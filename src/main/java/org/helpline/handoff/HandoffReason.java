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
  ESCALATION;

  /**
   * The reason an escalation joins the queue with: a person at risk of harming themselves is
   * in distress; any other escalation (a medical emergency) is an escalation.
   */
  public static HandoffReason forEscalation(String escalationType) {
    return "self_harm".equals(escalationType) ? DISTRESS : ESCALATION;
  }

  public static Optional<HandoffReason> of(String id) {
    return Term.of(HandoffReason.class, id);
  }
}
