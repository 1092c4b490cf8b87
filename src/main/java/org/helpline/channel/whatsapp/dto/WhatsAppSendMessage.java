package org.helpline.channel.whatsapp.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /{phone-number-id}/messages}: a text, an interactive message, or an
 * approved template (the only kind WhatsApp lets a business send 24 hours after the person's
 * last message).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WhatsAppSendMessage(
    @JsonProperty("messaging_product") String messagingProduct,
    @JsonProperty("recipient_type") String recipientType,
    String to,
    String type,
    WhatsAppText text,
    WhatsAppInteractiveMessage interactive,
    WhatsAppTemplate template) {

  /** A plain text message without link previews. */
  public static WhatsAppSendMessage text(String to, String body) {
    return new WhatsAppSendMessage("whatsapp", "individual", to, "text",
        new WhatsAppText(false, body), null, null);
  }

  /** An interactive message (reply buttons or a list). */
  public static WhatsAppSendMessage interactive(String to, WhatsAppInteractiveMessage message) {
    return new WhatsAppSendMessage("whatsapp", "individual", to, "interactive", null, message,
        null);
  }

  /** An approved template without parameters, in the language it was approved in. */
  public static WhatsAppSendMessage template(String to, String name, String language) {
    return new WhatsAppSendMessage("whatsapp", "individual", to, "template", null, null,
        new WhatsAppTemplate(name, new WhatsAppTemplate.Language(language)));
  }
}
