package org.helpline.channel.whatsapp.dto;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The value of a {@code messages} change: the receiving number, incoming messages, and
 * delivery receipts ({@code statuses}, which we ignore and so do not model).
 */
public record WhatsAppValue(WhatsAppMetadata metadata, List<WhatsAppInboundMessage> messages,
    List<JsonNode> statuses) {
}
