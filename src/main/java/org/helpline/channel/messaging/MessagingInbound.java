package org.helpline.channel.messaging;

import org.helpline.conversation.ChatMessage;

/**
 * One message a messaging channel parsed from its platform's payload: typed text, a tapped
 * or numbered choice, or something without text (a photo, voice note, sticker, location).
 *
 * @param channel the channel name turns and message ids are kept under
 * @param senderId the platform's id for the person; only its keyed hash is ever kept
 * @param messageId the platform's id for this message (a redelivery repeats it), or null
 * @param text what the person typed, or null
 * @param payload the tapped choice's payload, or null
 * @param replyTo where the platform's send API reaches the person, in the channel's form
 *     (see {@link AppSender}), or null
 */
public record MessagingInbound(String channel, String senderId, String messageId, String text,
    String payload, String replyTo) {

  public MessagingInbound(String channel, String senderId, String messageId, String text,
      String payload) {
    this(channel, senderId, messageId, text, payload, null);
  }

  /** The same message, with where the platform's send API reaches the person. */
  public MessagingInbound replyingTo(String address) {
    return new MessagingInbound(channel, senderId, messageId, text, payload, address);
  }

  /** Typed text (a bare number picks one of the last numbered choices). */
  public static MessagingInbound text(String channel, String senderId, String messageId,
      String text) {
    return new MessagingInbound(channel, senderId, messageId, text, null);
  }

  /** A tapped button, quick reply or list row. */
  public static MessagingInbound choice(String channel, String senderId, String messageId,
      String payload) {
    return new MessagingInbound(channel, senderId, messageId, null, payload);
  }

  /** A photo, voice note, sticker or location: answered with the "only text" notice. */
  public static MessagingInbound withoutText(String channel, String senderId) {
    return new MessagingInbound(channel, senderId, null, null, null);
  }

  /** Whether this is a turn for the conversation service (text or a choice). */
  public boolean isTurn() {
    return text != null || payload != null;
  }

  ChatMessage toChatMessage() {
    return new ChatMessage(null, text, payload, messageId, channel, senderId, replyTo);
  }
}
