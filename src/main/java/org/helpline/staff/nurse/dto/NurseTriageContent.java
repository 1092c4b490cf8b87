package org.helpline.staff.nurse.dto;

/** Curated content that fits: its first bubble as the summary, its source and review date. */
public record NurseTriageContent(String intent, String title, String summary,
    NurseTriageSource source, String reviewed) {
}
