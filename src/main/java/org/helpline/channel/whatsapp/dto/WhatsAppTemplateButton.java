package org.helpline.channel.whatsapp.dto;

/** A tapped quick-reply button of a message template. */
public record WhatsAppTemplateButton(String text, String payload) {
}
