package org.helpline.channel.messenger.dto;

/** An outgoing attachment; we send only {@code template}s. */
public record MessengerAttachment(String type, MessengerTemplate payload) {
}
