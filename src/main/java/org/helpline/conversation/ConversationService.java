package org.helpline.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.helpline.conversation.ConversationStore.StoredConversation;
import org.helpline.conversation.ConversationStore.TurnTransaction;
import org.helpline.dialog.ConversationState;
import org.jboss.logging.Logger;

/**
 * The effects of a turn around the bot's pure {@link HelplineBot#respond}: check the message,
 * read the conversation once inside the turn's transaction, count the rate limits, store what
 * the turn decided (the queue entry included) and commit, then count metrics and log. Logs
 * numbers and ids only, never what the person wrote.
 *
 * <p>When storage fails, the person still gets an answer: the turn is decided without context
 * and not stored, so escalations and the helpline number always reach them.
 */
public final class ConversationService {

  private static final Logger LOG = Logger.getLogger(ConversationService.class);
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");
  private static final Pattern UUID_FORM = Pattern.compile(
      "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
  private static final int MAX_MESSAGE_ID_LENGTH = 128;
  /** Tries of a turn the database asked to repeat (a lock timeout or deadlock). */
  private static final int ATTEMPTS = 5;

  private final BotHolder bots;
  private final ConversationStore store;
  private final Clock clock;
  private final int maxTextLength;
  private final Duration idleTimeout;
  private final SenderKeys senderKeys;
  private final RateLimits rateLimits;
  private final TurnMetrics metrics;
  private final NurseChat nurseChat;

  /** A service without rate limits. */
  public ConversationService(BotHolder bots, ConversationStore store, Clock clock,
      int maxTextLength, Duration idleTimeout, SenderKeys senderKeys) {
    this(bots, store, clock, maxTextLength, idleTimeout, senderKeys, RateLimits.off());
  }

  /** A service without metrics. */
  public ConversationService(BotHolder bots, ConversationStore store, Clock clock,
      int maxTextLength, Duration idleTimeout, SenderKeys senderKeys, RateLimits rateLimits) {
    this(bots, store, clock, maxTextLength, idleTimeout, senderKeys, rateLimits,
        TurnMetrics.none());
  }

  /** A service whose nurses take live chats. */
  public ConversationService(BotHolder bots, ConversationStore store, Clock clock,
      int maxTextLength, Duration idleTimeout, SenderKeys senderKeys, RateLimits rateLimits,
      TurnMetrics metrics) {
    this(bots, store, clock, maxTextLength, idleTimeout, senderKeys, rateLimits, metrics,
        new NurseChat(true, Duration.ofHours(8), Duration.ofDays(30)));
  }

  public ConversationService(BotHolder bots, ConversationStore store, Clock clock,
      int maxTextLength, Duration idleTimeout, SenderKeys senderKeys, RateLimits rateLimits,
      TurnMetrics metrics, NurseChat nurseChat) {
    this.metrics = metrics;
    this.nurseChat = nurseChat;
    this.bots = bots;
    this.store = store;
    this.clock = clock;
    this.maxTextLength = maxTextLength;
    this.idleTimeout = idleTimeout;
    this.senderKeys = senderKeys;
    this.rateLimits = rateLimits;
  }

  /** Takes one turn. Unknown, malformed or expired conversation ids start a new conversation. */
  public ChatOutcome handle(ChatMessage message) {
    return handle(message, null);
  }

  /**
   * Takes one turn, counting it against the rate limits of its conversation, its sender and
   * {@code clientAddress} (the web client's address, or null). A message the safety screen
   * escalates is never refused.
   *
   * @throws RateLimitedException when a limit is reached and the message is not an emergency
   */
  public ChatOutcome handle(ChatMessage message, String clientAddress) {
    HelplineBot bot = bots.current().orElseThrow(() -> new ClassifierUnavailableException(
        "the bot is still starting: content is loading and the model training"));
    String senderKey = message.senderId() == null ? null
        : senderKeys.keyOf(message.channel(), message.senderId());
    String messageKey = messageKey(message);
    boolean tapped = message.payload() != null && !message.payload().isBlank();
    Utterance said = tapped ? Utterance.tapped(message.payload())
        : Utterance.typed(checkText(message.text()));
    TurnContext context = new TurnContext(message, said, senderKey, messageKey, clientAddress);

    Taken taken;
    try {
      taken = takeStored(bot, context);
    } catch (DuplicateMessageException e) {
      taken = new Taken(store.replay(messageKey), null);
    } catch (StorageUnavailableException e) {
      // Never leave a person without an answer because the database is down.
      LOG.warnf("storage unavailable, answering without context: %s", e.getMessage());
      taken = takeUnstored(bot, context);
    }
    ChatOutcome outcome = taken.outcome();
    if (!outcome.replayed()) {
      metrics.turnTaken(message.channel(), outcome.reply().action());
      taken.opened().ifPresent(metrics::handoffOpened);
    }
    log(message.channel(), outcome, taken.turn());
    return outcome;
  }

  /** What a turn needs besides the bot: the message, checked, and who sent it. */
  private record TurnContext(ChatMessage message, Utterance said, String senderKey,
      String messageKey, String clientAddress) {
  }

  /**
   * A turn's outcome, the bot's turn (null for a replay) and the reason of the queue entry
   * it opened, if it opened one.
   */
  private record Taken(ChatOutcome outcome, BotTurn turn, Optional<String> opened) {

    Taken(ChatOutcome outcome, BotTurn turn) {
      this(outcome, turn, Optional.empty());
    }
  }

  /** The turn in one transaction, tried again when the database asks for it. */
  private Taken takeStored(HelplineBot bot, TurnContext context) {
    for (int attempt = 1; ; attempt++) {
      try (TurnTransaction tx = store.begin(requestedId(context.message()),
          context.message().conversationId() == null ? context.senderKey() : null)) {
        return take(bot, context, tx);
      } catch (StorageConflictException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private Taken take(HelplineBot bot, TurnContext context, TurnTransaction tx) {
    Instant now = clock.instant();
    Optional<StoredConversation> continuing = tx.conversation()
        .filter(c -> isContinuing(c.state(), now));
    ConversationState stored = continuing.map(StoredConversation::state)
        .orElseGet(() -> ConversationState.start(now));
    // Once a nurse is with them, a bare number is for the nurse ("1", to "how bad is the
    // pain, 1 to 10?"), never a numbered choice offered before the nurse came.
    ConversationState before = NurseChat.withNurse(continuing.flatMap(
        StoredConversation::handoff)) ? new ConversationState(stored.topic(),
            stored.misunderstandings(), stored.handoffOffered(), stored.lastActivity())
        : stored;
    // Asking to chat with a nurse is not for the bot: nothing to screen or classify.
    Utterance said = NurseChat.chosen(before, context.said());
    BotTurn turn = NurseChat.isChoice(said) ? null : bot.respond(before, said, clock);
    if (turn == null || turn.safety().escalation().isEmpty()) {
      rateLimits.take(continuing.map(StoredConversation::id).orElse(null),
          context.clientAddress(), context.senderKey());
    }
    String id = continuing.map(StoredConversation::id)
        .orElseGet(() -> UUID.randomUUID().toString());
    NurseChat.Step step = nurseChat.step(bot.content(), context.message().channel(),
        said, turn,
        continuing.flatMap(StoredConversation::handoff), before, now, tx::chatPosition);
    ChatReply reply = step.reply();
    ChatOutcome outcome;
    try {
      outcome = tx.commit(new RecordedTurn(id, continuing.isEmpty(), context.messageKey(),
          context.senderKey(), context.message().channel(), now, step.transcriptText(),
          reply, bot.content().version(), step.state(), step.referral(), step.live(),
          context.message().replyTo()));
    } catch (StorageConflictException e) {
      throw e;
    } catch (StorageUnavailableException e) {
      // Decided, but not committed: the person still gets the reply, unstored.
      LOG.warnf("storage unavailable, answering without storing: %s", e.getMessage());
      return new Taken(ChatOutcome.taken(id, 0, reply, bot.content().version()), turn);
    }
    // A conversation the nurses had already only joins its open entry.
    Optional<String> opened = before.handoffOffered() ? Optional.empty()
        : step.referral().map(r -> r.reason().id());
    return new Taken(outcome, turn, opened);
  }

  /** The turn decided without context and not stored, while storage is unavailable. */
  private Taken takeUnstored(HelplineBot bot, TurnContext context) {
    String id = requestedId(context.message());
    if (NurseChat.isChoice(context.said())) {
      // Asked to chat or leave a message: nothing can be kept now, so the phone.
      return new Taken(ChatOutcome.taken(id != null ? id : UUID.randomUUID().toString(), 0,
          nurseChat.phoneOnly(bot.content(), clock.instant()), bot.content().version()), null);
    }
    BotTurn turn = bot.respond(ConversationState.start(clock.instant()), context.said(), clock);
    if (turn.safety().escalation().isEmpty()) {
      rateLimits.take(null, context.clientAddress(), context.senderKey());
    }
    return new Taken(ChatOutcome.taken(id != null ? id : UUID.randomUUID().toString(), 0,
        ChatReply.of(turn.turn()), bot.content().version()), turn);
  }

  /**
   * Whether a conversation continues: it must not have been idle too long, unless it is
   * waiting for the nurses (the queue can take longer than the idle timeout, and starting
   * afresh would answer the person as if nobody had been asked to help).
   */
  private boolean isContinuing(ConversationState state, Instant now) {
    return state.handoffOffered() || !state.lastActivity().plus(idleTimeout).isBefore(now);
  }

  /** Whether an id has the form of the conversation ids this service gives (a random UUID). */
  public static boolean isConversationId(String id) {
    return id != null && UUID_FORM.matcher(id).matches();
  }

  /** Whether a text has control characters other than line breaks and tabs. */
  public static boolean hasControlCharacters(String text) {
    return CONTROL.matcher(text).find();
  }

  /** The conversation id the message names, if it is well formed. */
  private static String requestedId(ChatMessage message) {
    String id = message.conversationId();
    return isConversationId(id) ? id : null;
  }

  private static void log(String channel, ChatOutcome outcome, BotTurn turn) {
    if (LOG.isInfoEnabled()) {
      // Concatenation, not a format string: this line is written for every turn, and
      // String.format cost as much as committing the turn (docs/benchmarks.md, Load).
      StringBuilder line = new StringBuilder("turn channel=").append(channel)
          .append(" action=").append(outcome.reply().action())
          .append(" intent=").append(outcome.reply().intent())
          .append(" confidence=").append(outcome.reply().confidence());
      if (turn != null) {
        line.append(" top=").append(turn.nlu().top().intent())
            .append(" margin=").append(Math.round(turn.nlu().margin() * 1000) / 1000.0)
            .append(" rule=").append(turn.safety().escalation().map(e -> e.rule()).orElse("-"));
      }
      LOG.info(line.append(" seq=").append(outcome.seq()).toString());
    }
  }

  private static String messageKey(ChatMessage message) {
    if (message.messageId() == null || message.messageId().isBlank()) {
      return null;
    }
    String id = message.messageId().strip();
    if (id.length() > MAX_MESSAGE_ID_LENGTH || CONTROL.matcher(id).find()) {
      throw new InvalidMessageException("messageId must be at most " + MAX_MESSAGE_ID_LENGTH
          + " printable characters");
    }
    return message.channel() + ":" + id;
  }

  private String checkText(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidMessageException("text must not be empty");
    }
    if (text.length() > maxTextLength) {
      throw new InvalidMessageException("text is " + text.length()
          + " characters long; the limit is " + maxTextLength);
    }
    if (CONTROL.matcher(text).find()) {
      throw new InvalidMessageException("text must not contain control characters");
    }
    return text;
  }

  /** The conversation's state, for tests and staff tools. */
  public Optional<ConversationState> state(String conversationId) {
    return store.find(conversationId);
  }
}
