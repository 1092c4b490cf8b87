package org.helpline.conversation;

import java.time.Clock;
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
 * let the engine decide, keep the new state. Owns the effects the engine must not have.
 * Logs numbers and ids only, never what the person wrote.
 */
public final class ConversationService {

  private static final Logger LOG = Logger.getLogger(ConversationService.class);
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");
  private static final Pattern UUID_FORM = Pattern.compile(
      "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

  private final BotHolder bots;
  private final ConversationStore store;
  private final Clock clock;
  private final int maxTextLength;

  public ConversationService(BotHolder bots, ConversationStore store, Clock clock,
      int maxTextLength) {
    this.bots = bots;
    this.store = store;
    this.clock = clock;
    this.maxTextLength = maxTextLength;
  }

  /** Takes one turn. Unknown or malformed conversation ids start a new conversation. */
  public ChatOutcome handle(ChatMessage message) {
    HelplineBot bot = bots.current().orElseThrow(() -> new ClassifierUnavailableException(
        "the bot is still starting: content is loading and the model training"));
    boolean quickReply = message.payload() != null && !message.payload().isBlank();
    String text = quickReply ? null : checkText(message.text());
    String payload = quickReply ? checkPayload(bot.content(), message.payload().strip()) : null;
    String id = message.conversationId() != null
        && UUID_FORM.matcher(message.conversationId()).matches()
        && store.find(message.conversationId()).isPresent()
        ? message.conversationId() : UUID.randomUUID().toString();
    Instant now = clock.instant();

    SafetyResult safety = quickReply ? SafetyResult.clear() : bot.screen().screen(text);
    Classification nlu = quickReply ? Classification.certain(payload, payload)
        : bot.classifier().classify(text);
    Turn turn = store.update(id, state -> {
      Turn t = bot.engine().respond(state.orElse(ConversationState.start(now)),
          new UserTurn(safety, nlu, quickReply, now));
      return new ConversationStore.Update<>(t, t.state());
    });
    LOG.infof("turn channel=%s action=%s intent=%s confidence=%.3f top=%s margin=%.3f rule=%s",
        message.channel(), turn.action().id(), turn.intent(), turn.confidence(),
        nlu.top().intent(), nlu.margin(),
        safety.escalation().map(e -> e.rule()).orElse("-"));
    return new ChatOutcome(id, turn, bot.content().version());
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
