package org.helpline.channel.messenger.dto;

/** A page-scoped id (PSID) of a person, or the page's id. */
public record MessengerUser(String id) {
}
