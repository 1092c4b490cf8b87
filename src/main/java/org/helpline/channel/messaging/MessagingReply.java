package org.helpline.channel.messaging;

import org.helpline.conversation.ChannelWords;
import org.helpline.conversation.ChatReply;
import org.helpline.conversation.HelplineContact;
import org.helpline.conversation.NurseChat;

/**
 * What a messaging channel renders for one inbound message: the bot's reply or a notice,
 * the helpline's numbers and the content's words for anything the channel adds (a numbered
 * list, a call button, a cut-short note).
 *
 * @param conversationId the conversation, or null for a notice (no turn was taken)
 * @param seq the turn's number, or 0 for a notice or a turn that could not be stored
 * @param replayed true for the stored reply to a redelivered message: a channel that sends
 *     replies on its own must not send it again
 */
public record MessagingReply(ChatReply reply, HelplineContact helpline, ChannelWords words,
    String conversationId, int seq, boolean replayed) {

  /**
   * Whether there is nothing to send: the message went to a nurse, who answers in their own
   * time (and their answer goes out through the platform's send API).
   */
  public boolean silent() {
    return NurseChat.RELAYED.equals(reply.action()) && reply.replies().isEmpty()
        && reply.quickReplies().isEmpty();
  }

  static MessagingReply notice(ChatReply notice, HelplineContact helpline, ChannelWords words) {
    return new MessagingReply(notice, helpline, words, null, 0, false);
  }
}
