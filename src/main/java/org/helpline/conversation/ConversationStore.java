package org.helpline.conversation;

import java.time.Instant;
import java.util.Optional;
import org.helpline.dialog.ConversationState;

/**
 * Keeps conversations, transcripts, handoffs and processed message ids. Implementations apply
 * the turns of one conversation one after another, even across application instances, and
 * process a message key at most once. They throw {@link StorageUnavailableException} when
 * the storage cannot be used.
 */
public interface ConversationStore {

  /** The state of a conversation, if it exists. */
  Optional<ConversationState> find(String conversationId);

  /** The last reply given in a conversation, if any. */
  Optional<ChatReply> lastReply(String conversationId);

  /** The most recent conversation of a messaging-app sender (by the HMAC of their id). */
  Optional<String> latestForSender(String senderKey);

  /**
   * Applies one turn atomically. {@code turn} receives the conversation's current state (empty
   * for a new conversation) and decides; the store writes the result. When {@code messageKey}
   * was already processed (or is being processed concurrently), {@code turn} is not called and
   * the first reply is returned. A conversation has at most one open (or claimed) handoff: a
   * turn's handoff record for a conversation that has one raises that one's urgency and adds
   * to its summary instead of queueing a second.
   *
   * @param conversationId an existing conversation, or a new random id to create
   * @param messageKey the channel's message id, prefixed with the channel, or null
   * @param senderKey the HMAC of a messaging-app sender's id, kept with a new conversation, or
   *     null
   */
  ChatOutcome applyTurn(String conversationId, String messageKey, String senderKey,
      String channel, Instant now, TurnFunction turn);

  /** Records a reply that could not be delivered to a messaging platform. */
  void recordDeliveryFailure(String channel, String conversationId, int seq, String reason,
      Instant now);

  /**
   * Deletes transcripts, conversations and processed message ids older than
   * {@code transcriptsBefore}, and handoff records older than {@code handoffsBefore}.
   *
   * @return the number of rows deleted
   */
  int deleteOlderThan(Instant transcriptsBefore, Instant handoffsBefore);

  /** Decides a turn given the conversation's current state. */
  @FunctionalInterface
  interface TurnFunction {
    RecordedTurn decide(Optional<ConversationState> current);
  }
}
