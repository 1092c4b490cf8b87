package org.helpline.handoff;

import java.util.Optional;

/**
 * The short summary the nurses see in the queue: any red flag and what raised it, the topic,
 * what this message was recognised as, and how many turns in a row the bot misunderstood. Ids
 * and numbers only: never the person's words.
 *
 * @param redFlag the escalation type ({@code medical_emergency}, {@code self_harm}), or empty
 * @param raisedBy the safety rule id, or {@code classifier}
 * @param topic the conversation's topic before this turn, or null
 * @param intent what this message was recognised as, or empty when it was not
 * @param confidence the classifier's probability for that intent
 * @param misunderstandings misunderstood turns in a row before this one
 * @param route the route rule whose words sent the message here, or null
 */
public record HandoffSummary(Optional<String> redFlag, String raisedBy, String topic,
    String intent, double confidence, int misunderstandings, String route) {

  /** The summary as the queue shows it. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    redFlag.ifPresent(type -> sb.append("red flag: ").append(type).append(" (")
        .append("classifier".equals(raisedBy) ? "classifier" : "safety rule " + raisedBy)
        .append("); "));
    if (route != null) {
      sb.append("route: ").append(route).append("; ");
    }
    if (topic != null) {
      sb.append("topic: ").append(topic).append("; ");
    }
    sb.append("this message: ").append(intent.isEmpty() ? "not recognised"
        : intent + " (" + Math.round(confidence * 100) / 100.0 + ")");
    if (misunderstandings > 0) {
      sb.append("; misunderstood turns in a row: ").append(misunderstandings);
    }
    return sb.toString();
  }
}
