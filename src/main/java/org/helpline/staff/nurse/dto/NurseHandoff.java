package org.helpline.staff.nurse.dto;

/**
 * One entry of the nurses' queue as the staff API shows it; times are ISO-8601 strings.
 *
 * @param reasonLabel the reason in words, for the console
 * @param urgencyLabel the urgency in words, for the console
 * @param waitingSeconds how long the person waited for a nurse: until it was claimed, or
 *     until now while it is open
 * @param mode how the person chose to reach the nurses: null (phone) or "chat"
 * @param chatStatus where a live chat stands: waiting, with_nurse, back_with_bot, closed
 *     (and writing, for a message being written)
 * @param replyBy when a nurse promised to reply to a left message (ISO-8601), or null
 * @param overdue whether that time has passed and the entry is still open or claimed
 */
public record NurseHandoff(String id, String conversationId, String channel, String reason,
    String reasonLabel, String urgency, String urgencyLabel, String status, String summary, String createdAt, long waitingSeconds,
    String claimedBy, String claimedAt, String closedBy, String closedAt, String outcome,
    String mode, String chatStatus, String replyBy, boolean overdue) {
}
