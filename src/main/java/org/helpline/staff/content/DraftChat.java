package org.helpline.staff.content;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.helpline.content.UnknownContentException;
import org.helpline.conversation.BotTurn;
import org.helpline.conversation.ChatOutcome;
import org.helpline.conversation.ChatReply;
import org.helpline.conversation.ConversationService;
import org.helpline.conversation.HelplineBot;
import org.helpline.conversation.Utterance;
import org.helpline.dialog.ConversationState;

/**
 * Chatting with a draft's bot before it is live: the same pipeline as the public chat (safety
 * screen, model, dialog engine) on the draft's content, with the conversation kept in memory
 * only. Nothing is stored: a try is not a transcript, reaches no nurse and counts in no report.
 */
public final class DraftChat {

  /** Conversations kept; the oldest is forgotten first. */
  private static final int KEPT = 500;
  /** A try left this long is forgotten. */
  private static final Duration IDLE = Duration.ofHours(1);

  private final DraftBots bots;
  private final Clock clock;
  private final Map<String, Tried> conversations = new LinkedHashMap<>(64, 0.75f, true);

  private record Tried(String draftId, ConversationState state, int turns, Instant at) {
  }

  public DraftChat(DraftBots bots, Clock clock) {
    this.bots = bots;
    this.clock = clock;
  }

  /**
   * One turn with the draft's bot.
   *
   * @param conversationId a conversation this chat gave before, or null to start one
   * @throws UnknownContentException when the conversation is not one of this draft's
   */
  public ChatOutcome chat(String draftId, String conversationId, Utterance said) {
    HelplineBot bot = bots.bot(draftId);
    Instant now = clock.instant();
    Tried before;
    synchronized (conversations) {
      conversations.values().removeIf(t -> t.at().plus(IDLE).isBefore(now));
      before = conversationId == null ? null : conversations.get(conversationId);
    }
    if (conversationId != null && (before == null || !before.draftId().equals(draftId))) {
      throw new UnknownContentException("there is no conversation with this id on this draft"
          + " (a try is forgotten after an hour)");
    }
    String id = conversationId != null ? conversationId : UUID.randomUUID().toString();
    BotTurn turn = bot.respond(before == null ? ConversationState.start(now) : before.state(),
        said, clock);
    int seq = before == null ? 1 : before.turns() + 1;
    synchronized (conversations) {
      conversations.put(id, new Tried(draftId, turn.turn().state(), seq, now));
      while (conversations.size() > KEPT) {
        conversations.remove(conversations.keySet().iterator().next());
      }
    }
    return ChatOutcome.taken(id, seq, ChatReply.of(turn.turn()), bot.content().version());
  }

  /** Whether an id has the form of the ids this chat gives. */
  public static boolean isConversationId(String id) {
    return ConversationService.isConversationId(id);
  }
}
