package org.helpline.content;

import java.util.List;

/**
 * One route from {@code dialogs/_system/routes.yml}: words that mark a message the content
 * does not answer but the nurses should hear (a worrying symptom, feelings, a question about
 * another cancer). It matches exactly as a {@link SafetyRule} does, and sends the message to a
 * handoff dialog instead of an escalation.
 *
 * @param dialog the handoff dialog that answers when the route is taken
 * @param when {@code first}: taken before any content answer (a symptom is never answered
 *     with content); {@code unsure}: taken when the classifier is not sure, before it would ask
 *     to clarify (a frightened person is not asked to choose a topic); {@code fallback}: taken
 *     only instead of the fallback, when the classifier would neither answer nor clarify
 */
public record RouteRule(String id, String dialog, String when, List<String> phrases,
    List<List<String>> all, List<String> unless) {

  public static final String FIRST = "first";
  public static final String UNSURE = "unsure";
  public static final String FALLBACK = "fallback";

  public RouteRule {
    phrases = phrases == null ? List.of() : List.copyOf(phrases);
    unless = unless == null ? List.of() : List.copyOf(unless);
    all = all == null ? List.of() : all.stream().map(g -> g == null ? List.<String>of()
        : List.copyOf(g)).toList();
  }

  /** Whether the route is taken before any content answer. */
  public boolean first() {
    return FIRST.equals(when);
  }

  /** Whether the route is taken before a clarifying question. */
  public boolean beforeClarifying() {
    return FIRST.equals(when) || UNSURE.equals(when);
  }
}
