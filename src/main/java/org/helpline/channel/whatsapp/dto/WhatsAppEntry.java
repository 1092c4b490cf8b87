package org.helpline.channel.whatsapp.dto;

import java.util.List;

/** One business account's changes in a webhook body. */
public record WhatsAppEntry(String id, List<WhatsAppChange> changes) {
}
