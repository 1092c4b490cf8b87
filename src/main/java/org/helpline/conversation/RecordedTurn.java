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
 * @param replyTo where a messaging app reaches the person ({@link ChatMessage#replyTo}), kept
 *     with their queue entry when the turn starts a chat or a message, or null
 */
public record RecordedTurn(String conversationId, boolean fresh, String messageKey,
    String senderKey, String channel, Instant at, String transcriptText, ChatReply reply,
    String contentVersion, ConversationState state, Optional<HandoffRecord> referral,
    LiveTurn live, String replyTo) {

  /** A turn whose person no nurse writes to outside a reply (the web chat). */
  public RecordedTurn(String conversationId, boolean fresh, String messageKey,
      String senderKey, String channel, Instant at, String transcriptText, ChatReply reply,
      String contentVersion, ConversationState state, Optional<HandoffRecord> referral,
      LiveTurn live) {
    this(conversationId, fresh, messageKey, senderKey, channel, at, transcriptText, reply,
        contentVersion, state, referral, live, null);
  }

  /** A turn outside any live chat. */
  public RecordedTurn(String conversationId, boolean fresh, String messageKey,
      String senderKey, String channel, Instant at, String transcriptText, ChatReply reply,
      String contentVersion, ConversationState state, Optional<HandoffRecord> referral) {
    this(conversationId, fresh, messageKey, senderKey, channel, at, transcriptText, reply,
        contentVersion, state, referral, LiveTurn.NONE);
  }
}
