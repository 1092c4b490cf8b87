package org.helpline.safety;

import java.util.Optional;
import java.util.Set;

/**
 * The screen's verdict on one message: the escalation when a rule fired, and the escalation
 * types a person explicitly negated ("I'm not suicidal"), which the classifier's safety net
 * must then respect.
 */
public record SafetyResult(Optional<Escalation> escalation, Set<String> negatedTypes) {

  public SafetyResult {
    negatedTypes = Set.copyOf(negatedTypes);
  }

  /** Nothing fired and nothing was negated. */
  public static SafetyResult clear() {
    return new SafetyResult(Optional.empty(), Set.of());
  }

  public boolean escalated() {
    return escalation.isPresent();
  }
}
