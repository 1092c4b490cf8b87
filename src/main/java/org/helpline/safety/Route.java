package org.helpline.safety;

/**
 * A route matched: which rule, the handoff dialog it sends to, whether it comes before any
 * content answer, and the phrase that matched (for staff and tests; never logged with the
 * message).
 */
public record Route(String rule, String dialog, boolean first, String matched) {
}
