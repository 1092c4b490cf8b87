package org.helpline.channel.messenger.dto;

/** A template button; a {@code phone_number} button's payload is the number, "+44...". */
public record MessengerButton(String type, String title, String payload) {
}
