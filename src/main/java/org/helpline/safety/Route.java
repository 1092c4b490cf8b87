package org.helpline.safety;

/**
 * A route matched: which rule, the handoff dialog it sends to, whether it comes before any
 * content answer ({@code first}) or before a clarifying question ({@code beforeClarifying}),
 * and the phrase that matched (for staff and tests; never logged with the message).
 */
public record Route(String rule, String dialog, boolean first, boolean beforeClarifying,
    String matched) {

  /** A route taken before any content answer, or only when the classifier is unsure. */
  public Route(String rule, String dialog, boolean first, String matched) {
    this(rule, dialog, first, first, matched);
  }
}
