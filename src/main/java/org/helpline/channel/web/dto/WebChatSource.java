package org.helpline.channel.web.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The page behind an answer, and whether a clinician has reviewed the answer (chat contract
 * v1; {@code status} was added, nothing renamed).
 */
@Schema(description = "The page an answer was written from, and its clinical review.")
public record WebChatSource(
    String title,
    String url,
    @Schema(description = "When a clinician last reviewed this answer (YYYY-MM-DD); null while"
        + " it is awaiting clinical review.", nullable = true)
    String reviewed,
    @Schema(description = "'reviewed' when a clinician has reviewed this answer (see"
        + " 'reviewed' for when), 'awaiting_clinical_review' while no clinician has yet.",
        enumeration = {"reviewed", "awaiting_clinical_review"})
    String status) {
}
