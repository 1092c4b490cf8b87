package org.helpline.staff.nurse.dto;

/** The reviewed page behind a piece of content. */
public record NurseTriageSource(String title, String url) {
}
