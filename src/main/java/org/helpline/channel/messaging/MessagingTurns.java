package org.helpline.channel.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.helpline.conversation.ChannelWords;
import org.helpline.conversation.ChatOutcome;
import org.helpline.conversation.ChatReply;
import org.helpline.conversation.ConversationService;
import org.helpline.conversation.HelplineContact;
import org.helpline.conversation.InvalidMessageException;
import org.helpline.conversation.Notices;
import org.helpline.conversation.RateLimitedException;
import org.jboss.logging.Logger;

/**
 * The one "on new message" step of every messaging channel: takes the turn, or answers with
 * the right notice (only text, unreadable, too fast) with the helpline number filled in.
 * A messaging app shows nothing for a 4xx, so a message the bot cannot take still gets a kind
 * reply; a flood gets one pause notice (emergencies are never limited and never get there).
 * Channels only parse and render. Logs the channel and the exception class, never the text.
 */
@ApplicationScoped
public class MessagingTurns {

  private static final Logger LOG = Logger.getLogger(MessagingTurns.class);

  private final ConversationService conversations;
  private final Notices notices;

  public MessagingTurns(ConversationService conversations, Notices notices) {
    this.conversations = conversations;
    this.notices = notices;
  }

  /**
   * The running content's numbers; refuses (503) while the bot is starting, so a platform
   * delivers again rather than have a message acknowledged and never answered.
   */
  public HelplineContact helpline() {
    return notices.running();
  }

  /**
   * The "could not read that" notice, for a channel whose platform cannot show a reply
   * without text (Telegram refuses an empty message).
   */
  public ChatReply unreadable() {
    return notices.unreadable();
  }

  /** The reply to one message: the turn's, or a notice. */
  public MessagingReply take(MessagingInbound in) {
    HelplineContact helpline = helpline();
    ChannelWords words = notices.channelWords();
    if (!in.isTurn()) {
      // Not stored as a turn: there is nothing to keep, and the same answer suits every retry.
      return MessagingReply.notice(notices.onlyText(), helpline, words);
    }
    ChatOutcome outcome;
    try {
      outcome = conversations.handle(in.toChatMessage());
    } catch (InvalidMessageException e) {
      // An over-long text or an outdated button.
      LOG.infof("%s message not taken: %s", in.channel(), e.getClass().getSimpleName());
      return MessagingReply.notice(notices.unreadable(), helpline, words);
    } catch (RateLimitedException e) {
      LOG.infof("%s sender rate limited", in.channel());
      return MessagingReply.notice(notices.tooFast(), helpline, words);
    }
    return new MessagingReply(outcome.reply(), helpline, words, outcome.conversationId(),
        outcome.seq(), outcome.replayed());
  }
}
