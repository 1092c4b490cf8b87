package org.helpline.dialog;

import java.util.List;
import org.helpline.handoff.HandoffReason;

/**
 * The engine escalated: the kind ({@code medical_emergency} or {@code self_harm}), the numbers
 * to call, what triggered it (a safety rule id, or {@code classifier}) and the reason the
 * nurses' queue shows.
 */
public record EscalationDecision(String type, List<String> numbers, String trigger,
    HandoffReason reason) {

  public EscalationDecision {
    numbers = List.copyOf(numbers);
  }
}
