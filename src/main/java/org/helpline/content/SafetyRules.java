package org.helpline.content;

import java.util.List;

/**
 * The safety screen's content: its rules, the words that negate a phrase just before it, and
 * the words that end a negation's reach (such as "but").
 */
public record SafetyRules(List<String> negations, List<String> scopeBreakers,
    List<SafetyRule> rules) {

  public SafetyRules {
    negations = negations == null ? List.of() : List.copyOf(negations);
    scopeBreakers = scopeBreakers == null ? List.of() : List.copyOf(scopeBreakers);
    rules = rules == null ? List.of() : List.copyOf(rules);
  }
}
