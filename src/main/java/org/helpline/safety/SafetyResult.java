package org.helpline.safety;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The screen's verdict on one message: the escalation when a rule fired, the escalation types
 * a person explicitly negated ("I'm not suicidal"), which the classifier's safety net must
 * then respect, and the routes whose words the message has, in the routes' order.
 */
public record SafetyResult(Optional<Escalation> escalation, Set<String> negatedTypes,
    List<Route> routes) {

  public SafetyResult {
    negatedTypes = Set.copyOf(negatedTypes);
    routes = List.copyOf(routes);
  }

  /** A verdict with no route. */
  public SafetyResult(Optional<Escalation> escalation, Set<String> negatedTypes) {
    this(escalation, negatedTypes, List.of());
  }

  /** Nothing fired and nothing was negated. */
  public static SafetyResult clear() {
    return new SafetyResult(Optional.empty(), Set.of());
  }

  /** The first route taken before any content answer, if the message has one. */
  public Optional<Route> firstRoute() {
    return routes.stream().filter(Route::first).findFirst();
  }

  /** The first route taken before a clarifying question, if the message has one. */
  public Optional<Route> unsureRoute() {
    return routes.stream().filter(Route::beforeClarifying).findFirst();
  }

  /** The first route of any kind, for a message the classifier would not answer. */
  public Optional<Route> anyRoute() {
    return routes.stream().findFirst();
  }

  public boolean escalated() {
    return escalation.isPresent();
  }
}
