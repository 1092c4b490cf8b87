package org.helpline.dialog;

import java.util.List;

/**
 * The engine escalated: the kind ({@code medical_emergency} or {@code self_harm}), the numbers
 * to call, and what triggered it (a safety rule id, or {@code classifier}).
 */
public record EscalationDecision(String type, List<String> numbers, String trigger) {

  public EscalationDecision {
    numbers = List.copyOf(numbers);
  }
}
