package org.helpline.dialog;

/** A suggested next message: the button's title and the intent id it sends back. */
public record QuickReply(String title, String payload) {
}
