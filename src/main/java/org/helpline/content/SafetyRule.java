package org.helpline.content;

import java.util.List;

/**
 * One safety-screen rule from {@code dialogs/_system/safety.yml}. It fires when any of its
 * {@code phrases} occurs in the message, or when every group in {@code all} has a phrase that
 * occurs, and none of its {@code unless} phrases occurs.
 *
 * @param type the escalation type ({@code medical_emergency} or {@code self_harm})
 * @param dialog the dialog that answers when the rule fires
 * @param calmContext whether the calm context (the past, a "what if") may stop the rule; false
 *     for rules whose signs come after something past ("had chemo last week, now a fever")
 */
public record SafetyRule(String id, String type, String dialog, List<String> phrases,
    List<List<String>> all, List<String> unless, Boolean calmContext) {

  /** A rule the calm context may stop. */
  public SafetyRule(String id, String type, String dialog, List<String> phrases,
      List<List<String>> all, List<String> unless) {
    this(id, type, dialog, phrases, all, unless, null);
  }

  /** Whether the calm context may stop this rule (the default). */
  public boolean calmable() {
    return calmContext == null || calmContext;
  }

  public SafetyRule {
    phrases = phrases == null ? List.of() : List.copyOf(phrases);
    unless = unless == null ? List.of() : List.copyOf(unless);
    all = all == null ? List.of() : all.stream().map(g -> g == null ? List.<String>of()
        : List.copyOf(g)).toList();
  }
}
