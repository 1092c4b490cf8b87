package org.helpline.conversation;

/**
 * The reply to a message, with the conversation it belongs to, the turn's number in it, and
 * the content version that answered.
 *
 * @param seq the turn's number in the conversation (1 for the first), or 0 when the turn
 *     could not be stored
 */
public record ChatOutcome(String conversationId, int seq, ChatReply reply,
    String contentVersion) {
}
