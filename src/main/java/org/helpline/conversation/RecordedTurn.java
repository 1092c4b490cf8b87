package org.helpline.conversation;

import java.time.Instant;
import java.util.Optional;
import org.helpline.dialog.ConversationState;
import org.helpline.handoff.HandoffRecord;

/**
 * Everything one turn writes.
 *
 * @param conversationId the conversation the turn belongs to: the one the transaction read,
 *     or a new random id
 * @param fresh whether this turn starts the conversation
 * @param messageKey the channel's message id, prefixed with the channel, or null
 * @param senderKey the HMAC of a messaging-app sender's id, kept with a new conversation, or
 *     null
 * @param transcriptText what the transcript keeps of the person's message (redacted)
 * @param referral the entry the turn gives the nurses' queue, if any
 * @param live what the turn changes in a live chat with a nurse
 */
public record RecordedTurn(String conversationId, boolean fresh, String messageKey,
    String senderKey, String channel, Instant at, String transcriptText, ChatReply reply,
    String contentVersion, ConversationState state, Optional<HandoffRecord> referral,
    LiveTurn live) {

  /** A turn outside any live chat. */
  public RecordedTurn(String conversationId, boolean fresh, String messageKey,
      String senderKey, String channel, Instant at, String transcriptText, ChatReply reply,
      String contentVersion, ConversationState state, Optional<HandoffRecord> referral) {
    this(conversationId, fresh, messageKey, senderKey, channel, at, transcriptText, reply,
        contentVersion, state, referral, LiveTurn.NONE);
  }
}
