package org.helpline.staff.nurse.dto;

/** The page a piece of content was written from. */
public record NurseTriageSource(String title, String url) {
}
