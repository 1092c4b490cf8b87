package org.helpline.dialog;

import java.util.List;

/**
 * The engine decided a nurse should take over.
 *
 * @param reason why (asked_for_nurse, personal_medical_advice, repeated_misunderstanding, ...)
 * @param urgency routine or urgent
 * @param openNow whether the helpline is open at the time of the turn
 * @param nextOpen when it opens next, in words, if it is closed
 * @param alternatives what to do while it is closed
 */
public record HandoffDecision(String reason, String urgency, String phone, boolean openNow,
    String hours, String nextOpen, List<String> alternatives) {

  public HandoffDecision {
    alternatives = List.copyOf(alternatives);
  }
}
