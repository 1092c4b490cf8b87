package org.helpline.content;

import java.util.List;

/**
 * The kind of escalation a dialog gives and the numbers the person must call.
 *
 * @param reason the reason the nurses' queue shows (a {@code HandoffReason} id), or null for
 *     the one the type implies
 */
public record EscalationSpec(String type, List<String> numbers, String reason) {

  public EscalationSpec {
    numbers = numbers == null ? List.of() : List.copyOf(numbers);
  }
}
