package org.helpline.channel.messenger.dto;

import java.util.List;

/** One page's events in a webhook body. */
public record MessengerEntry(String id, List<MessengerEvent> messaging) {
}
