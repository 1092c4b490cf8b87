package org.helpline.content;

import java.util.List;

/**
 * What the nurses' triage assistant makes of a caller whose words fit this dialog: how urgent
 * it is ({@code emergency}, {@code urgent} or {@code routine}) and the next steps to suggest.
 * Optional in every dialog; the format is documented in {@code dialogs/README.md}.
 */
public record TriageSpec(String urgency, List<String> nextSteps) {

  /** Urgencies from most to least urgent; the order the nurses' queue uses too. */
  public static final List<String> URGENCIES = List.of("emergency", "urgent", "routine");

  public TriageSpec {
    nextSteps = nextSteps == null ? List.of() : List.copyOf(nextSteps);
  }
}
