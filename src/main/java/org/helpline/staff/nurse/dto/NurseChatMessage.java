package org.helpline.staff.nurse.dto;

/**
 * A message in a live chat, as stored: its event id in the conversation, who wrote it, the
 * text (redacted) and when (ISO-8601).
 */
public record NurseChatMessage(long id, String from, String text, String at) {
}
