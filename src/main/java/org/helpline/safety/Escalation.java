package org.helpline.safety;

/**
 * The safety screen fired: what kind of escalation, which rule, the dialog that answers, and
 * the phrase that matched (for staff and tests; never logged with the message).
 */
public record Escalation(String type, String rule, String dialog, String matched) {
}
