package org.helpline.channel.whatsapp.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A section of a list message (its title is needed only with several sections). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WhatsAppSection(String title, List<WhatsAppRow> rows) {
}
