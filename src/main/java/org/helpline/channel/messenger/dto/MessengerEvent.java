package org.helpline.channel.messenger.dto;

/**
 * One messaging event: a message, a postback, or a receipt ({@code delivery}, {@code read},
 * which we ignore and so do not model).
 */
public record MessengerEvent(MessengerUser sender, MessengerUser recipient,
    MessengerInboundMessage message, MessengerPostback postback) {
}
