package org.helpline.channel.messenger.dto;

/** A tapped postback button (or Get Started), with the message id Meta gives it. */
public record MessengerPostback(String title, String payload, String mid) {
}
