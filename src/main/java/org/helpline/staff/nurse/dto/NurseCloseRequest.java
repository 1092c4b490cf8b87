package org.helpline.staff.nurse.dto;

/** Closing a handoff: what happened, in 1 to 500 characters (stored redacted). */
public record NurseCloseRequest(String outcome) {
}
