package org.helpline.channel.messenger.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /me/messages}: a reply ({@code RESPONSE}) to one person, or a
 * person's answer to them later ({@code MESSAGE_TAG} {@code HUMAN_AGENT}: Messenger lets a
 * person, not a bot, answer up to 7 days after the person's last message).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessengerSendRequest(MessengerUser recipient,
    @JsonProperty("messaging_type") String messagingType, MessengerOutgoingMessage message,
    String tag) {

  /** A reply to the person with this PSID. */
  public static MessengerSendRequest response(String psid, MessengerOutgoingMessage message) {
    return new MessengerSendRequest(new MessengerUser(psid), "RESPONSE", message, null);
  }

  /** A nurse's message more than 24 hours after the person's last one. */
  public static MessengerSendRequest humanAgent(String psid, MessengerOutgoingMessage message) {
    return new MessengerSendRequest(new MessengerUser(psid), "MESSAGE_TAG", message,
        "HUMAN_AGENT");
  }
}
