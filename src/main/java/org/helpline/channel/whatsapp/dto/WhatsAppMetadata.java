package org.helpline.channel.whatsapp.dto;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The business number a message was sent to; replies go out from the same number. */
public record WhatsAppMetadata(@JsonProperty("phone_number_id") String phoneNumberId) {
}
