package org.helpline.content;

import java.util.List;

/**
 * The safety screen's content: its rules, the words that negate a phrase just before it, the
 * words that end a negation's reach (such as "but"), and the calm context that says a message
 * only mentions an alarming word.
 */
public record SafetyRules(List<String> negations, List<String> scopeBreakers,
    List<SafetyRule> rules, CalmContext calm) {

  public SafetyRules {
    negations = negations == null ? List.of() : List.copyOf(negations);
    scopeBreakers = scopeBreakers == null ? List.of() : List.copyOf(scopeBreakers);
    rules = rules == null ? List.of() : List.copyOf(rules);
    calm = calm == null ? CalmContext.none() : calm;
  }

  /** Rules without a calm context. */
  public SafetyRules(List<String> negations, List<String> scopeBreakers,
      List<SafetyRule> rules) {
    this(negations, scopeBreakers, rules, null);
  }
}
