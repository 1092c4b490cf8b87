package org.helpline.channel.whatsapp.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A list row: title at most 24 characters, description at most 72. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WhatsAppRow(String id, String title, String description) {
}
