package org.helpline.staff.nurse.dto;

import java.util.List;

/**
 * The triage assistant's assessment.
 *
 * @param urgencyLabel the urgency in words, for the console
 * @param queueReason the reason the nurses' queue would show had this come in by chat (such as
 *     {@code worrying_symptom} or {@code feelings}), or null when the chat would answer it
 * @param queueReasonLabel that reason in words
 */
public record NurseTriageResponse(String urgency, String urgencyLabel, NurseTriageSafety safety,
    String queueReason, String queueReasonLabel, List<NurseTriageIntent> intents, List<NurseTriageContent> content, List<String> nextSteps) {
}
