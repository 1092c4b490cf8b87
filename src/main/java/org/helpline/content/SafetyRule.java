package org.helpline.content;

import java.util.List;

/**
 * One safety-screen rule from {@code dialogs/_system/safety.yml}. It fires when any of its
 * {@code phrases} occurs in the message, or when every group in {@code all} has a phrase that
 * occurs, and none of its {@code unless} phrases occurs.
 *
 * @param type the escalation type ({@code medical_emergency} or {@code self_harm})
 * @param dialog the dialog that answers when the rule fires
 */
public record SafetyRule(String id, String type, String dialog, List<String> phrases,
    List<List<String>> all, List<String> unless) {

  public SafetyRule {
    phrases = phrases == null ? List.of() : List.copyOf(phrases);
    unless = unless == null ? List.of() : List.copyOf(unless);
    all = all == null ? List.of() : all.stream().map(g -> g == null ? List.<String>of()
        : List.copyOf(g)).toList();
  }
}
