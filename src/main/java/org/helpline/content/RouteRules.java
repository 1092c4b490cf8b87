package org.helpline.content;

import java.util.List;

/**
 * The routes' content, {@code dialogs/_system/routes.yml}, in order: the first route that
 * matches is taken. Negations and scope breakers are the safety screen's.
 */
public record RouteRules(List<RouteRule> rules) {

  public RouteRules {
    rules = rules == null ? List.of() : List.copyOf(rules);
  }

  /** No routes: every message the content does not answer gets the fallback. */
  public static RouteRules none() {
    return new RouteRules(List.of());
  }
}
