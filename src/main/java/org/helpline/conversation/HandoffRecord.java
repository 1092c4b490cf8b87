package org.helpline.conversation;

/** A handoff for the nurses' queue: why, how urgent, and a short redacted summary. */
public record HandoffRecord(String reason, String urgency, String summary) {
}
