package org.helpline.handoff;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The nurses' queue of handed-off conversations: open, then claimed by one nurse, then closed
 * with an outcome. Implementations are safe under concurrent use across instances: of two
 * nurses claiming one entry at once, exactly one succeeds. They throw
 * {@link org.helpline.conversation.StorageUnavailableException} when storage cannot be used.
 */
public interface HandoffQueue {

  /** Entries with one of the statuses, most urgent first, then oldest first. */
  List<QueuedHandoff> list(Set<String> statuses);

  /** One entry. */
  Optional<QueuedHandoff> find(String id);

  /**
   * Claims an open entry for a nurse; claiming again by the same nurse changes nothing.
   *
   * @throws HandoffNotFoundException when there is no such entry
   * @throws HandoffConflictException when another nurse has it or it is closed
   */
  QueuedHandoff claim(String id, String nurse, Instant now);

  /**
   * Closes a claimed entry with an outcome (already redacted), and lets the bot answer the
   * conversation normally again once no other entry for it is open.
   *
   * @param anyClaimant true for an admin, who may close an entry another nurse claimed
   * @throws HandoffNotFoundException when there is no such entry
   * @throws HandoffConflictException when it is not claimed, claimed by someone else or closed
   */
  QueuedHandoff close(String id, String nurse, boolean anyClaimant, String outcome,
      Instant now);

  /**
   * The redacted transcript of the entry's conversation; writes an audit row (who, when,
   * which conversation) in the same transaction, so no read goes unrecorded.
   *
   * @throws HandoffNotFoundException when there is no such entry
   */
  HandoffTranscript readTranscript(String id, String reader, Instant now);

  /**
   * Sends a nurse's message into the live chat of an entry they claimed (an admin may write in
   * any). It is stored, and the audit log records who wrote, before this returns.
   *
   * @param text the message, already redacted like the transcript
   * @throws HandoffNotFoundException when there is no such entry
   * @throws NotYourHandoffException when another nurse claimed it
   * @throws HandoffConflictException when it is not claimed, not a chat, or finished
   */
  ChatEvent sendMessage(String id, String nurse, boolean admin, String text, Instant now);

  /**
   * Hands the person back to the bot: the entry closes with that outcome and the person's
   * next message is the bot's again.
   *
   * @throws HandoffNotFoundException when there is no such entry
   * @throws NotYourHandoffException when another nurse claimed it
   * @throws HandoffConflictException when it is not claimed or already closed
   */
  QueuedHandoff giveBack(String id, String nurse, boolean admin, Instant now);

  /**
   * The live chat events of a conversation after an id, oldest first; alerts only for staff.
   *
   * @throws UnknownConversationException when there is no such conversation, or, for the
   *     person's own stream, when it is not a web chat conversation
   */
  List<ChatEvent> events(String conversationId, long after, boolean forStaff);

  /** The place in the queue of the conversation's chat while it waits for a nurse. */
  Optional<Integer> chatPlace(String conversationId);

  /**
   * Offers a message instead to every chat that has waited for a nurse, unclaimed, since
   * before {@code waitingBefore} and has not been offered one since it started waiting: appends
   * {@code offerFor(channel)} to its chat (sent to a messaging app too), and makes a bare
   * number pick one of {@code choices} (on SMS). Answers how many were offered one.
   */
  int offerUnclaimed(Instant waitingBefore, Function<String, Optional<ChatEvent.Draft>> offerFor,
      List<String> choices, Instant now);
}
