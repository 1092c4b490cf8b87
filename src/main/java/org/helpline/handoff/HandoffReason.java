package org.helpline.handoff;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a conversation joined the nurses' queue. Handoff dialogs name a reason by its
 * {@link #id()}; the engine gives the rest (repeated misunderstanding, and escalations).
 */
public enum HandoffReason {
  ASKED_FOR_NURSE("asked_for_nurse", "Asked for a nurse"),
  PERSONAL_MEDICAL_ADVICE("personal_medical_advice", "Personal medical advice"),
  REPEATED_MISUNDERSTANDING("repeated_misunderstanding", "Bot did not understand"),
  DISTRESS("distress", "Distress (self-harm)"),
  ESCALATION("escalation", "Emergency escalation");

  private final String id;
  private final String label;

  HandoffReason(String id, String label) {
    this.id = id;
    this.label = label;
  }

  /** The name content, the API and the database use. */
  public String id() {
    return id;
  }

  /** What the staff console shows. */
  public String label() {
    return label;
  }

  /** The reason a content or database value names, if any. */
  public static Optional<HandoffReason> of(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
  }

  /**
   * The reason an escalation joins the queue with: a person at risk of harming themselves is
   * in distress; any other escalation (a medical emergency) is an escalation.
   */
  public static HandoffReason forEscalation(String escalationType) {
    return "self_harm".equals(escalationType) ? DISTRESS : ESCALATION;
  }

  /** Every id, for messages that list what content may use. */
  public static String ids() {
    return String.join(", ", Arrays.stream(values()).map(HandoffReason::id).toList());
  }
}
