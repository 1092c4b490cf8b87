package org.helpline.channel.whatsapp.dto;

/** One reply button: {@code type} is {@code reply}. */
public record WhatsAppReplyButton(String type, WhatsAppReplyId reply) {
}
