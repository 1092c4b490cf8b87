package org.helpline.channel.whatsapp.dto;

/** A reply button's or list row's id and title, as tapped or as sent. */
public record WhatsAppReplyId(String id, String title) {
}
