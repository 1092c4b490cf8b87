package org.helpline.staff.nurse.dto;

/**
 * The safety screen's verdict: whether it fired, the kind (medical_emergency or self_harm),
 * the rule id (or {@code classifier}) and why, in words.
 */
public record NurseTriageSafety(boolean fired, String type, String rule, String reason) {
}
