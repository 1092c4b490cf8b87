package org.helpline.staff.nurse.dto;

/** An intent and the classifier's probability for it (0 to 1). */
public record NurseTriageIntent(String intent, double probability) {
}
