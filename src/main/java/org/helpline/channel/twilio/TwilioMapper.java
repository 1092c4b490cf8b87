package org.helpline.channel.twilio;

import org.helpline.channel.messaging.MessagingInbound;
import org.helpline.channel.messaging.PlainTextRenderer;
import org.helpline.channel.twilio.dto.TwilioInbound;
import org.helpline.conversation.ChannelWords;
import org.helpline.conversation.ChatReply;

/** Translates between Twilio's form parameters and TwiML and the conversation service. */
final class TwilioMapper {

  /** The channel name turns and message ids are kept under. */
  static final String CHANNEL = "twilio";

  /** Twilio refuses a message body longer than this, in characters. */
  static final int MAX_MESSAGE_LENGTH = 1600;

  private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

  private TwilioMapper() {
  }

  /**
   * The message: a tapped WhatsApp button's payload, otherwise the text; without either (a
   * picture, a voice note, a location) a message without text.
   */
  static MessagingInbound toMessage(TwilioInbound in) {
    if (in.buttonPayload() != null && !in.buttonPayload().isBlank()) {
      return MessagingInbound.choice(CHANNEL, in.from(), in.messageSid(), in.buttonPayload());
    }
    if (in.body() == null || in.body().isBlank()) {
      return MessagingInbound.withoutText(CHANNEL, in.from());
    }
    return MessagingInbound.text(CHANNEL, in.from(), in.messageSid(), in.body());
  }

  /** The reply as TwiML: the plain-text rendering, split into messages Twilio accepts. */
  static String toTwiml(ChatReply reply, ChannelWords words) {
    return toTwiml(PlainTextRenderer.render(reply, words));
  }

  /** One text as TwiML, split into as many messages as its length needs. */
  static String toTwiml(String text) {
    StringBuilder xml = new StringBuilder(XML_DECLARATION).append("<Response>");
    for (String part : PlainTextRenderer.split(text, MAX_MESSAGE_LENGTH)) {
      xml.append("<Message>").append(escape(part)).append("</Message>");
    }
    return xml.append("</Response>").toString();
  }

  /** An answer that sends nothing (a status callback). */
  static String emptyTwiml() {
    return XML_DECLARATION + "<Response/>";
  }

  /** XML text content: markup characters escaped, characters XML 1.0 forbids dropped. */
  static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> {
          boolean allowed = c == '\t' || c == '\n' || c == '\r'
              || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
          if (allowed) {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
