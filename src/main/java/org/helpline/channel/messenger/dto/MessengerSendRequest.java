package org.helpline.channel.messenger.dto;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of {@code POST /me/messages}: a reply ({@code RESPONSE}) to one person. */
public record MessengerSendRequest(MessengerUser recipient,
    @JsonProperty("messaging_type") String messagingType, MessengerOutgoingMessage message) {

  /** A reply to the person with this PSID. */
  public static MessengerSendRequest response(String psid, MessengerOutgoingMessage message) {
    return new MessengerSendRequest(new MessengerUser(psid), "RESPONSE", message);
  }
}
