package org.helpline.handoff;

import java.util.Optional;

/** How soon a nurse should act, most urgent first: the order of the queue and of triage. */
public enum Urgency implements Term {
  EMERGENCY,
  URGENT,
  ROUTINE;

  /** The more urgent of this and another. */
  public Urgency atLeast(Urgency other) {
    return other.ordinal() < ordinal() ? other : this;
  }

  public static Optional<Urgency> of(String id) {
    return Term.of(Urgency.class, id);
  }
}
