package org.helpline.channel.messenger.dto;

/** A tapped quick reply: its payload is the quick reply's intent id. */
public record MessengerQuickReplyTap(String payload) {
}
