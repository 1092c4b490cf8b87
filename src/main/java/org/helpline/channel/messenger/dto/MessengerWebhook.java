package org.helpline.channel.messenger.dto;

import java.util.List;

/** A Messenger webhook body: {@code object} is {@code page}. */
public record MessengerWebhook(String object, List<MessengerEntry> entry) {
}
