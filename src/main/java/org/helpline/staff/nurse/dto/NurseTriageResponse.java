package org.helpline.staff.nurse.dto;

import java.util.List;

/**
 * The triage assistant's assessment.
 *
 * @param urgencyLabel the urgency in words, for the console
 */
public record NurseTriageResponse(String urgency, String urgencyLabel, NurseTriageSafety safety,
    List<NurseTriageIntent> intents, List<NurseTriageContent> content, List<String> nextSteps) {
}
