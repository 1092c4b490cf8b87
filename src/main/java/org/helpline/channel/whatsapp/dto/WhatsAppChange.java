package org.helpline.channel.whatsapp.dto;

/** One change; we take {@code field = messages}. */
public record WhatsAppChange(String field, WhatsAppValue value) {
}
