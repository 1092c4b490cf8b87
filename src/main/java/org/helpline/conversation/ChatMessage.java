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
 */
public record ChatMessage(String conversationId, String text, String payload, String messageId,
    String channel, String senderId) {

  /** A web chat message: no sender id, the conversation id comes from the client. */
  public static ChatMessage web(String conversationId, String text, String payload,
      String messageId) {
    return new ChatMessage(conversationId, text, payload, messageId, "web", null);
  }
}
