package org.helpline.conversation;

/**
 * One inbound message, already translated from its channel.
 *
 * @param conversationId the conversation it continues, or null to start one
 * @param text what the person typed, or null when they tapped a quick reply
 * @param payload the quick reply's payload (an intent id), or null
 * @param messageId the client's or platform's id for this message, or null; a repeat of the
 *     same id on the same channel gets the first reply and changes nothing
 * @param channel where it came from, such as {@code web}
 * @param senderId a messaging app's id for the person (often a phone number), or null; it is
 *     never stored or logged: only its keyed hash is kept, to find their conversation
 * @param replyTo where the messaging app can reach the person when no message of theirs is
 *     being answered (a nurse writes, see {@code channel/messaging/AppSender}), in the
 *     channel's own form, or null; personal data: kept only with an open chat or message for
 *     the nurses, never logged
 */
public record ChatMessage(String conversationId, String text, String payload, String messageId,
    String channel, String senderId, String replyTo) {

  /** The channel of the web chat (the widget). */
  public static final String WEB = "web";

  /** A message the nurses could not write back to outside a reply (no address kept). */
  public ChatMessage(String conversationId, String text, String payload, String messageId,
      String channel, String senderId) {
    this(conversationId, text, payload, messageId, channel, senderId, null);
  }

  /** A web chat message: no sender id, the conversation id comes from the client. */
  public static ChatMessage web(String conversationId, String text, String payload,
      String messageId) {
    return new ChatMessage(conversationId, text, payload, messageId, WEB, null);
  }
}
