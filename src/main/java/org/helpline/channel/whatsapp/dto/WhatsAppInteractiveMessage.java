package org.helpline.channel.whatsapp.dto;

/** An outgoing interactive message: {@code type} is {@code button} or {@code list}. */
public record WhatsAppInteractiveMessage(String type, WhatsAppBody body,
    WhatsAppAction action) {
}
