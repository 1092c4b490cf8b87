package org.helpline.staff.nurse.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Curated content that fits: its first bubble as the summary, its source, and whether a
 * clinician has reviewed it.
 */
public record NurseTriageContent(String intent, String title, String summary,
    NurseTriageSource source,
    @Schema(description = "When a clinician last reviewed this content (YYYY-MM-DD); null while"
        + " it is awaiting clinical review.", nullable = true)
    String reviewed,
    @Schema(description = "'reviewed' when a clinician has reviewed this content,"
        + " 'awaiting_clinical_review' while no clinician has yet.",
        enumeration = {"reviewed", "awaiting_clinical_review"})
    String reviewStatus) {

  /** The review status of content a clinician has reviewed (it has a date). */
  public static final String REVIEWED = "reviewed";
  /** The review status of content no clinician has reviewed yet (a draft, no date). */
  public static final String AWAITING_CLINICAL_REVIEW = "awaiting_clinical_review";
}
