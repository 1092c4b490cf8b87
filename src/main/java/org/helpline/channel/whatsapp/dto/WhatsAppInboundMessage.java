package org.helpline.channel.whatsapp.dto;

/**
 * One incoming message: {@code from} is the person's WhatsApp id (their phone number), {@code
 * id} the wamid, {@code type} says which of the other fields is set.
 */
public record WhatsAppInboundMessage(String from, String id, String type, WhatsAppText text,
    WhatsAppInteractive interactive, WhatsAppTemplateButton button) {
}
