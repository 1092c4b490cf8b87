package org.helpline.content;

import java.util.List;

/**
 * What the nurses' triage assistant makes of a caller whose words fit this dialog: how urgent
 * it is (an {@link org.helpline.handoff.Urgency} id) and the next steps to suggest.
 * Optional in every dialog; the format is documented in {@code dialogs/README.md}.
 */
public record TriageSpec(String urgency, List<String> nextSteps) {

  public TriageSpec {
    nextSteps = nextSteps == null ? List.of() : List.copyOf(nextSteps);
  }
}
