package org.helpline.content;

/** Why and how urgently a dialog passes the person to the nurses. */
public record HandoffSpec(String reason, String urgency) {
}
