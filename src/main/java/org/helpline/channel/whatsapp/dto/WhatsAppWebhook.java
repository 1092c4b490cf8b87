package org.helpline.channel.whatsapp.dto;

import java.util.List;

/** A WhatsApp Cloud API webhook body: {@code object} is {@code whatsapp_business_account}. */
public record WhatsAppWebhook(String object, List<WhatsAppEntry> entry) {
}
