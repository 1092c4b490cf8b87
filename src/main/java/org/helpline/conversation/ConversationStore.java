package org.helpline.conversation;

import java.time.Instant;
import java.util.Optional;
import org.helpline.handoff.HandoffRecord.OpenHandoff;
import org.helpline.handoff.Urgency;
import org.helpline.dialog.ConversationState;

/**
 * Keeps conversations, transcripts and processed message ids, and gives the nurses' queue the
 * entries turns decide. A turn runs inside one {@link TurnTransaction}: it reads the
 * conversation once, locked, so that the turns of one conversation are applied one after
 * another even across application instances, and writes everything the turn decided at
 * commit. A message key is processed at most once. Implementations throw
 * {@link StorageUnavailableException} when the storage cannot be used.
 */
public interface ConversationStore {

  /**
   * Begins a turn: reads the conversation it continues and keeps it locked until the
   * transaction ends. The conversation is the one with {@code conversationId}, else the latest
   * one of {@code senderKey}, else none.
   *
   * @param conversationId a well-formed conversation id, or null
   * @param senderKey the HMAC of a messaging-app sender's id, or null
   */
  TurnTransaction begin(String conversationId, String senderKey);

  /**
   * The stored reply to a message key that was processed already, waiting while a concurrent
   * first delivery commits.
   */
  ChatOutcome replay(String messageKey);

  /** The state of a conversation, if it exists (for tests and staff tools, not for turns). */
  Optional<ConversationState> find(String conversationId);

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

  /**
   * A conversation as a turn finds it, with the queue entry it has open (or claimed), if any.
   */
  record StoredConversation(String id, ConversationState state, Optional<OpenHandoff> handoff) {

    /** A conversation the nurses' queue does not have. */
    public StoredConversation(String id, ConversationState state) {
      this(id, state, Optional.empty());
    }
  }

  /** One turn's transaction; closing it without a commit rolls it back. */
  interface TurnTransaction extends AutoCloseable {

    /** The conversation read when the transaction began, if there is one. */
    Optional<StoredConversation> conversation();

    /**
     * The place in the queue of a chat waiting with this urgency since {@code since}: 1 plus
     * the chats waiting before it (more urgent, or as urgent and older).
     *
     * @param handoffId the entry's id, or null for an entry this turn opens
     */
    int chatPosition(String handoffId, Urgency urgency, Instant since);

    /**
     * Writes the turn (transcript row, conversation state, processed message key and the
     * queue entry it gives the nurses, joining the open one if the conversation has one) and
     * commits.
     *
     * @throws DuplicateMessageException when the message key was processed already, or is
     *     being processed concurrently; nothing is written
     * @throws StorageConflictException when the database asks for the turn to be tried again
     */
    ChatOutcome commit(RecordedTurn turn);

    @Override
    void close();
  }
}
