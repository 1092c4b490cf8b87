package org.helpline.staff.nurse.dto;

/** What the caller says, for the triage assistant. Never stored. */
public record NurseTriageRequest(String text) {
}
