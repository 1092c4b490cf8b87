package org.helpline.channel.whatsapp.dto;

/** The text of an interactive message (at most 1,024 characters). */
public record WhatsAppBody(String text) {
}
