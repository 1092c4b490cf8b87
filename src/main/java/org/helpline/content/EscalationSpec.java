package org.helpline.content;

import java.util.List;

/** The kind of escalation a dialog gives and the numbers the person must call. */
public record EscalationSpec(String type, List<String> numbers) {

  public EscalationSpec {
    numbers = numbers == null ? List.of() : List.copyOf(numbers);
  }
}
