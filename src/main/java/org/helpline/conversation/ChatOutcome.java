package org.helpline.conversation;

/**
 * The reply to a message, with the conversation it belongs to, the turn's number in it, and
 * the content version that answered.
 *
 * @param seq the turn's number in the conversation (1 for the first), or 0 when the turn
 *     could not be stored
 * @param replayed true when this is the stored first reply to a message id seen before (a
 *     retried delivery): the turn was not taken again, and a channel that sends replies on
 *     its own must not send it twice
 */
public record ChatOutcome(String conversationId, int seq, ChatReply reply,
    String contentVersion, boolean replayed) {

  /** The outcome of a turn taken now. */
  public static ChatOutcome taken(String conversationId, int seq, ChatReply reply,
      String contentVersion) {
    return new ChatOutcome(conversationId, seq, reply, contentVersion, false);
  }
}
