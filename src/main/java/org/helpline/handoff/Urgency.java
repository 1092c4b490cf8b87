package org.helpline.handoff;

import java.util.Arrays;
import java.util.Optional;

/**
 * How soon a nurse should act, most urgent first: the order of the nurses' queue and of the
 * triage assistant. Content names urgencies by their {@link #id()}; the staff console shows
 * the {@link #label()}.
 */
public enum Urgency {
  EMERGENCY("emergency", "Emergency"),
  URGENT("urgent", "Urgent (same day)"),
  ROUTINE("routine", "Routine");

  private final String id;
  private final String label;

  Urgency(String id, String label) {
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

  /** The urgency a content or database value names, if any. */
  public static Optional<Urgency> of(String id) {
    return Arrays.stream(values()).filter(u -> u.id.equals(id)).findFirst();
  }

  /** The more urgent of this and another. */
  public Urgency atLeast(Urgency other) {
    return other.ordinal() < ordinal() ? other : this;
  }

  /** Every id, most urgent first, for messages that list what content may use. */
  public static String ids() {
    return String.join(", ", Arrays.stream(values()).map(Urgency::id).toList());
  }
}
