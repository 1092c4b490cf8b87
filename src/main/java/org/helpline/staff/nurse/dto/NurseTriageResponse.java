package org.helpline.staff.nurse.dto;

import java.util.List;

/** The triage assistant's assessment. */
public record NurseTriageResponse(String urgency, NurseTriageSafety safety,
    List<NurseTriageIntent> intents, List<NurseTriageContent> content, List<String> nextSteps) {
}
