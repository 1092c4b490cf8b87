package org.helpline.staff.nurse.dto;

/** A nurse's message to the person: 1 to 1000 characters (kept redacted in the transcript). */
public record NurseChatRequest(String text) {
}
