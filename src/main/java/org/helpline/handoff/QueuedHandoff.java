package org.helpline.handoff;

import java.time.Duration;
import java.time.Instant;

/**
 * One entry of the nurses' queue.
 *
 * @param status open, claimed or closed
 * @param summary what the conversation was about, as ids and numbers (never the person's words)
 * @param outcome the closing nurse's note, redacted, or null
 * @param mode null (phone), or how the person chose to reach the nurses ({@link LiveChat})
 * @param chatStatus where a live chat or a left message stands, or null
 * @param replyBy when a nurse promised to reply to a left message, or null
 */
public record QueuedHandoff(String id, String conversationId, String channel,
    HandoffReason reason, Urgency urgency, String status, String summary, Instant createdAt,
    String claimedBy, Instant claimedAt, String closedBy, Instant closedAt, String outcome,
    String mode, String chatStatus, Instant replyBy) {

  public static final String OPEN = "open";
  public static final String CLAIMED = "claimed";
  public static final String CLOSED = "closed";

  /** How long the person waited for a nurse: until it was claimed (or closed), or until now. */
  public long waitingSeconds(Instant now) {
    Instant end = claimedAt != null ? claimedAt : closedAt != null ? closedAt : now;
    return Math.max(0, Duration.between(createdAt, end).getSeconds());
  }
}
