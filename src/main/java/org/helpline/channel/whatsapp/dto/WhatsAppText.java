package org.helpline.channel.whatsapp.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A text, incoming or outgoing; {@code preview_url} is only sent, as false. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WhatsAppText(@JsonProperty("preview_url") Boolean previewUrl, String body) {
}
