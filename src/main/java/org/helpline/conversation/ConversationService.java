package org.helpline.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.helpline.content.Content;
import org.helpline.dialog.ConversationState;
import org.helpline.dialog.DialogEngine;
import org.helpline.dialog.Turn;
import org.helpline.dialog.UserTurn;
import org.helpline.nlu.Classification;
import org.helpline.safety.SafetyResult;
import org.jboss.logging.Logger;

/**
 * The turn pipeline: check the message, load the conversation, screen for safety, classify,
 * let the engine decide, store the turn. Owns the effects the engine must not have. Logs
 * numbers and ids only, never what the person wrote.
 *
 * <p>When storage fails, the person still gets an answer: the turn is decided without context
 * and not stored, so escalations and the helpline number always reach them.
 */
public final class ConversationService {

  private static final Pattern NUMBER_CHOICE = Pattern.compile("\\d{1,2}");
  private static final Logger LOG = Logger.getLogger(ConversationService.class);
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");
  private static final Pattern UUID_FORM = Pattern.compile(
      "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
  private static final int MAX_MESSAGE_ID_LENGTH = 128;

  private final BotHolder bots;
  private final ConversationStore store;
  private final Clock clock;
  private final int maxTextLength;
  private final Duration idleTimeout;
  private final SenderKeys senderKeys;
  private final RateLimits rateLimits;
  private final TurnMetrics metrics;

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

  public ConversationService(BotHolder bots, ConversationStore store, Clock clock,
      int maxTextLength, Duration idleTimeout, SenderKeys senderKeys, RateLimits rateLimits,
      TurnMetrics metrics) {
    this.metrics = metrics;
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
    Instant now = clock.instant();
    boolean tapped = message.payload() != null && !message.payload().isBlank();
    String text = tapped ? null : checkText(message.text());
    Optional<String> existing;
    try {
      String requested = message.conversationId() != null || senderKey == null
          ? message.conversationId() : store.latestForSender(senderKey).orElse(null);
      existing = continuing(requested, now);
    } catch (StorageUnavailableException e) {
      existing = Optional.empty();
    }
    // A bare number answers a numbered list of quick replies (SMS and other text channels).
    String chosen = tapped ? message.payload().strip()
        : existing.flatMap(id -> numberedChoice(id, text)).orElse(null);
    boolean quickReply = chosen != null;
    String payload = quickReply ? checkPayload(bot.content(), chosen) : null;

    SafetyResult safety = quickReply ? SafetyResult.clear() : bot.screen().screen(text);
    if (safety.escalation().isEmpty()) {
      rateLimits.take(existing.orElse(null), clientAddress, senderKey);
    }
    Classification nlu = quickReply ? Classification.certain(payload, payload)
        : bot.classifier().classify(text);
    String redacted = tapped ? "[quick reply] " + payload : Redactor.redact(text);
    UserTurn input = new UserTurn(safety, nlu, quickReply, now);

    ChatOutcome outcome;
    // The queue entry this turn opened, if any: set inside the store's transaction, counted
    // once it has committed.
    String[] opened = {null};
    try {
      String id = existing.orElseGet(() -> UUID.randomUUID().toString());
      outcome = store.applyTurn(id, messageKey, senderKey, message.channel(), now, current -> {
        ConversationState before = current.orElse(ConversationState.start(now));
        Turn turn = bot.engine().respond(before, input);
        // One open queue entry per conversation: while the nurses have it, asking again adds
        // nothing, and an emergency raises the open entry's urgency (the store joins it).
        Optional<HandoffRecord> queued = before.handoffOffered() && turn.escalation().isEmpty()
            ? Optional.empty() : queueEntry(turn, before, nlu, safety);
        opened[0] = before.handoffOffered() ? null
            : queued.map(HandoffRecord::reason).orElse(null);
        ConversationState after = queued.isEmpty() ? turn.state()
            : new ConversationState(turn.state().topic(), turn.state().misunderstandings(), true,
            turn.state().lastActivity());
        return new RecordedTurn(after, redacted, ChatReply.of(turn), bot.content().version(),
            queued);
      });
    } catch (StorageUnavailableException e) {
      // Never leave a person without an answer because the database is down.
      LOG.warnf("storage unavailable, answering without context: %s", e.getMessage());
      Turn turn = bot.engine().respond(ConversationState.start(now), input);
      String id = message.conversationId() != null
          && UUID_FORM.matcher(message.conversationId()).matches()
          ? message.conversationId() : UUID.randomUUID().toString();
      outcome = ChatOutcome.taken(id, 0, ChatReply.of(turn), bot.content().version());
    }
    if (!outcome.replayed()) {
      metrics.turnTaken(message.channel(), outcome.reply().action());
      if (opened[0] != null) {
        metrics.handoffOpened(opened[0]);
      }
    }
    if (LOG.isInfoEnabled()) {
      // Concatenation, not a format string: this line is written for every turn, and
      // String.format cost as much as committing the turn (docs/benchmarks.md, Load).
      LOG.info("turn channel=" + message.channel() + " action=" + outcome.reply().action()
          + " intent=" + outcome.reply().intent() + " confidence="
          + outcome.reply().confidence() + " top=" + nlu.top().intent() + " margin="
          + Math.round(nlu.margin() * 1000) / 1000.0 + " rule="
          + safety.escalation().map(e -> e.rule()).orElse("-") + " seq=" + outcome.seq());
    }
    return outcome;
  }

  /**
   * The conversation to continue: it must exist and not have been idle too long, unless it is
   * waiting for the nurses (the queue can take longer than the idle timeout, and starting
   * afresh would answer the person as if nobody had been asked to help).
   */
  private Optional<String> continuing(String conversationId, Instant now) {
    if (conversationId == null || !UUID_FORM.matcher(conversationId).matches()) {
      return Optional.empty();
    }
    return store.find(conversationId)
        .filter(state -> state.handoffOffered()
            || !state.lastActivity().plus(idleTimeout).isBefore(now))
        .map(state -> conversationId);
  }

  /** The quick reply a bare number stands for, when the last reply offered a numbered list. */
  private Optional<String> numberedChoice(String conversationId, String text) {
    if (!NUMBER_CHOICE.matcher(text.strip()).matches()) {
      return Optional.empty();
    }
    int n = Integer.parseInt(text.strip());
    try {
      return store.lastReply(conversationId).map(ChatReply::quickReplies)
          .filter(options -> n >= 1 && n <= options.size())
          .map(options -> options.get(n - 1).payload());
    } catch (StorageUnavailableException e) {
      return Optional.empty();
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

  /**
   * The entry for the nurses' queue this turn creates, if any: every handoff, and every
   * escalation (an emergency for the nurses to see first: self-harm as distress, anything
   * else as an escalation).
   */
  private static Optional<HandoffRecord> queueEntry(Turn turn, ConversationState before,
      Classification nlu, SafetyResult safety) {
    if (turn.handoff().isPresent()) {
      return Optional.of(new HandoffRecord(turn.handoff().get().reason(),
          turn.handoff().get().urgency(), summary(turn, before, nlu, safety)));
    }
    return turn.escalation().map(e -> new HandoffRecord(
        "self_harm".equals(e.type()) ? "distress" : "escalation", "emergency",
        summary(turn, before, nlu, safety)));
  }

  /**
   * A short summary for the nurses: the topic, what this message was recognised as and any
   * red flag, as ids and numbers; never the person's words.
   */
  private static String summary(Turn turn, ConversationState before, Classification nlu,
      SafetyResult safety) {
    StringBuilder sb = new StringBuilder();
    turn.escalation().ifPresent(e -> sb.append("red flag: ").append(e.type())
        .append(" (").append(e.trigger().equals("classifier") ? "classifier"
        : "safety rule " + e.trigger()).append("); "));
    if (turn.escalation().isEmpty()) {
      safety.escalation().ifPresent(e -> sb.append("red flag: ").append(e.type())
          .append(" (safety rule ").append(e.rule()).append("); "));
    }
    if (before.topic() != null) {
      sb.append("topic: ").append(before.topic()).append("; ");
    }
    sb.append("this message: ").append(nlu.top().intent().isEmpty() ? "not recognised"
        : nlu.top().intent() + " (" + Math.round(nlu.top().confidence() * 100) / 100.0 + ")");
    if (before.misunderstandings() > 0) {
      sb.append("; misunderstood turns in a row: ").append(before.misunderstandings());
    }
    return sb.toString();
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

  private static String checkPayload(Content content, String payload) {
    boolean known = content.intents().containsKey(payload)
        || DialogEngine.SOMETHING_ELSE.equals(payload);
    if (!known) {
      throw new InvalidMessageException("payload '" + abbreviate(payload)
          + "' is not a quick reply this bot offers");
    }
    return payload;
  }

  private static String abbreviate(String s) {
    return s.length() > 50 ? s.substring(0, 50) + "…" : s;
  }

  /** The conversation's state, for tests and staff tools. */
  public Optional<ConversationState> state(String conversationId) {
    return store.find(conversationId);
  }
}
