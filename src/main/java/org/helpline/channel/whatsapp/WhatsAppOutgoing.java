package org.helpline.channel.whatsapp;

import org.helpline.channel.whatsapp.dto.WhatsAppSendMessage;

/** One message to send, and the business number ({@code phone_number_id}) it goes from. */
record WhatsAppOutgoing(String phoneNumberId, WhatsAppSendMessage message) {
}
