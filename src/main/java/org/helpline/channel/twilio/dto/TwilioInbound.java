package org.helpline.channel.twilio.dto;

import java.util.List;
import java.util.Map;

/**
 * The parameters of a Twilio messaging webhook we act on (the rest are only signed).
 *
 * @param body what the person typed; null on a status callback, empty for media only
 * @param from the sender, such as {@code +447700900123} or {@code whatsapp:+447700900123}
 * @param messageSid Twilio's id of the message, the same on every retried delivery
 * @param buttonPayload the payload of a tapped WhatsApp button, or null
 * @param numMedia how many pictures or files came with the message
 * @param messageStatus the delivery status on a status callback, or null on a message
 * @param to our number the person wrote to, in the same form as {@code from}
 */
public record TwilioInbound(String body, String from, String messageSid, String buttonPayload,
    int numMedia, String messageStatus, String to) {

  /** Reads the inbound fields from the parsed form (first value of each). */
  public static TwilioInbound of(Map<String, List<String>> params) {
    String numMedia = first(params, "NumMedia");
    int media;
    try {
      media = numMedia == null ? 0 : Integer.parseInt(numMedia.strip());
    } catch (NumberFormatException e) {
      media = 0;
    }
    return new TwilioInbound(first(params, "Body"), first(params, "From"),
        first(params, "MessageSid"), first(params, "ButtonPayload"), media,
        first(params, "MessageStatus"), first(params, "To"));
  }

  /** A delivery receipt for a message we sent, not a message from a person. */
  public boolean isStatusCallback() {
    return body == null && buttonPayload == null && messageStatus != null;
  }

  private static String first(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
