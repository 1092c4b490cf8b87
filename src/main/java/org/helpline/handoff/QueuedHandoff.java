package org.helpline.handoff;

import java.time.Duration;
import java.time.Instant;

/**
 * One entry of the nurses' queue.
 *
 * @param reason asked_for_nurse, personal_medical_advice, repeated_misunderstanding, distress
 *     or escalation
 * @param urgency emergency, urgent or routine
 * @param status open, claimed or closed
 * @param summary what the conversation was about, as ids and numbers (never the person's words)
 * @param outcome the closing nurse's note, redacted, or null
 */
public record QueuedHandoff(String id, String conversationId, String channel, String reason,
    String urgency, String status, String summary, Instant createdAt, String claimedBy,
    Instant claimedAt, String closedBy, Instant closedAt, String outcome) {

  public static final String OPEN = "open";
  public static final String CLAIMED = "claimed";
  public static final String CLOSED = "closed";
  /** Urgencies, most urgent first: the queue's order. */
  public static final java.util.List<String> URGENCIES =
      java.util.List.of("emergency", "urgent", "routine");

  /** The more urgent of two urgencies (an unknown one counts as routine). */
  public static String moreUrgent(String a, String b) {
    int ra = URGENCIES.indexOf(a);
    int rb = URGENCIES.indexOf(b);
    return (ra < 0 ? URGENCIES.size() : ra) <= (rb < 0 ? URGENCIES.size() : rb) ? a : b;
  }

  /** How long the person waited for a nurse: until it was claimed (or closed), or until now. */
  public long waitingSeconds(Instant now) {
    Instant end = claimedAt != null ? claimedAt : closedAt != null ? closedAt : now;
    return Math.max(0, Duration.between(createdAt, end).getSeconds());
  }
}
