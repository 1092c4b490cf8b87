package org.helpline.channel.whatsapp.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What an interactive message offers: up to 3 reply {@code buttons}, or a list opened by the
 * {@code button} label with up to 10 rows in {@code sections}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WhatsAppAction(List<WhatsAppReplyButton> buttons, String button,
    List<WhatsAppSection> sections) {
}
