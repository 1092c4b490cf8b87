package org.helpline.channel.meta;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.helpline.content.HelplineFacts;
import org.helpline.conversation.BotHolder;
import org.helpline.conversation.ChatMessage;
import org.helpline.conversation.ChatOutcome;
import org.helpline.conversation.ChatReply;
import org.helpline.conversation.ClassifierUnavailableException;
import org.helpline.conversation.ConversationService;
import org.helpline.conversation.ConversationStore;
import org.helpline.conversation.InvalidMessageException;
import org.helpline.conversation.RateLimitedException;
import org.helpline.conversation.StorageUnavailableException;
import org.jboss.logging.Logger;

/**
 * Runs Meta turns and their sends off the request thread, so a slow Graph API never delays
 * the webhook's acknowledgement (Meta redelivers, and eventually disables, slow webhooks).
 * One person's messages are handled one after another, so their answers arrive in order.
 * A reply that finally cannot be sent is recorded as a delivery failure. Logs channel,
 * conversation id and turn number only: never text, user ids or message ids.
 */
@ApplicationScoped
public class MetaDispatcher {

  private static final Logger LOG = Logger.getLogger(MetaDispatcher.class);
  private static final int WORKERS = 16;

  private final ConversationService conversations;
  private final ConversationStore store;
  private final BotHolder bots;
  private final Clock clock;
  private final ConcurrentHashMap<String, CompletableFuture<Void>> queues =
      new ConcurrentHashMap<>();
  // Own pool without context propagation: the request these tasks came from is long over.
  private final ManagedExecutor executor = ManagedExecutor.builder()
      .propagated(ThreadContext.NONE)
      .cleared(ThreadContext.ALL_REMAINING)
      .maxAsync(WORKERS)
      .build();

  public MetaDispatcher(ConversationService conversations, ConversationStore store,
      BotHolder bots, Clock clock) {
    this.conversations = conversations;
    this.store = store;
    this.bots = bots;
    this.clock = clock;
  }

  @PreDestroy
  void stop() {
    executor.shutdown();
  }

  /** The running bot's helpline facts; 503 while it is starting, so Meta redelivers later. */
  public HelplineFacts helpline() {
    return bots.current().map(bot -> bot.content().helpline())
        .orElseThrow(() -> new ClassifierUnavailableException("the bot is still starting"));
  }

  /** Queues one turn: take it, then send its reply unless this is a redelivery. */
  public void takeTurn(ChatMessage message, MetaReplySender sender) {
    enqueue(message.channel(), message.senderId(), () -> {
      HelplineFacts helpline = helpline();
      ChatOutcome outcome;
      try {
        outcome = conversations.handle(message);
      } catch (InvalidMessageException e) {
        // An over-long text or an outdated button: a kind reply rather than silence.
        LOG.infof("%s message not taken: %s", message.channel(),
            e.getClass().getSimpleName());
        deliver(message.channel(), null, 0, MetaNotices.unreadable(helpline), helpline, sender);
        return;
      } catch (RateLimitedException e) {
        // One pause notice is kind; emergencies are never limited and never get here.
        LOG.infof("%s sender rate limited", message.channel());
        deliver(message.channel(), null, 0, MetaNotices.tooFast(helpline), helpline, sender);
        return;
      }
      if (outcome.replayed()) {
        LOG.debugf("%s redelivery of conversation=%s seq=%d not sent again",
            message.channel(), outcome.conversationId(), outcome.seq());
        return;
      }
      deliver(message.channel(), outcome.conversationId(), outcome.seq(), outcome.reply(),
          helpline, sender);
    });
  }

  /** Queues a notice that is not a turn (the reply to a photo), in order with the turns. */
  public void sendNotice(String channel, String senderId, ChatReply notice,
      MetaReplySender sender) {
    enqueue(channel, senderId, () -> deliver(channel, null, 0, notice, helpline(), sender));
  }

  private void enqueue(String channel, String senderId, Runnable task) {
    String key = channel + ":" + senderId;
    CompletableFuture<Void> next = queues.compute(key, (k, tail) ->
        (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
            .thenRunAsync(() -> guarded(channel, task), executor));
    // Outside compute(): the task may already be done, and then this runs right here.
    next.whenComplete((ignored, error) -> queues.remove(key, next));
  }

  private static void guarded(String channel, Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      // The class only: a message could carry what the person wrote.
      LOG.errorf("%s message not handled: %s", channel, e.getClass().getName());
    }
  }

  private void deliver(String channel, String conversationId, int seq, ChatReply reply,
      HelplineFacts helpline, MetaReplySender sender) {
    try {
      sender.send(reply, helpline);
    } catch (RuntimeException e) {
      String reason = reason(e);
      LOG.warnf("%s reply not delivered: conversation=%s seq=%d reason=%s", channel,
          conversationId, seq, reason);
      try {
        store.recordDeliveryFailure(channel, conversationId, seq, reason, clock.instant());
      } catch (StorageUnavailableException s) {
        LOG.warnf("%s delivery failure not recorded: storage unavailable", channel);
      }
    }
  }

  /** A short reason without personal data (exception messages may quote the request). */
  static String reason(RuntimeException e) {
    if (e instanceof MetaSendException) {
      return e.getMessage();
    }
    if (e instanceof CircuitBreakerOpenException) {
      return "circuit breaker open: the Graph API failed repeatedly";
    }
    if (e instanceof TimeoutException) {
      return "timed out after retries";
    }
    if (e instanceof ProcessingException) {
      return "could not reach the Graph API";
    }
    return e.getClass().getSimpleName();
  }
}
