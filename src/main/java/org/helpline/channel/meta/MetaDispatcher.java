package org.helpline.channel.meta;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.helpline.channel.messaging.MessagingInbound;
import org.helpline.channel.messaging.MessagingReply;
import org.helpline.channel.messaging.MessagingTurns;
import org.helpline.channel.messaging.SendFailures;
import org.helpline.conversation.ConversationStore;
import org.helpline.conversation.HelplineContact;
import org.helpline.conversation.StorageUnavailableException;
import org.jboss.logging.Logger;

/**
 * Runs Meta turns and their sends off the request thread, so a slow Graph API never delays
 * the webhook's acknowledgement (Meta redelivers, and eventually disables, slow webhooks).
 * One person's messages are handled one after another, so their answers arrive in order.
 * A reply that finally cannot be sent is recorded as a delivery failure. The pool and its
 * queue are bounded: while the Graph API hangs, at most {@value #WORKERS} threads wait on it
 * and {@value #QUEUED} people's messages wait for a thread; a message beyond that is not
 * taken but recorded as a delivery failure at once, so the webhook never blocks and memory
 * never grows without limit. Logs channel,
 * conversation id and turn number only: never text, user ids or message ids.
 */
@ApplicationScoped
public class MetaDispatcher {

  private static final Logger LOG = Logger.getLogger(MetaDispatcher.class);
  static final int WORKERS = 16;
  static final int QUEUED = 256;
  static final String QUEUE_FULL = "dispatcher queue full: message not taken";

  private final MessagingTurns turns;
  private final ConversationStore store;
  private final Clock clock;
  private final ConcurrentHashMap<String, CompletableFuture<Void>> queues =
      new ConcurrentHashMap<>();
  // Own bounded pool without context propagation: the request these tasks came from is long
  // over. A full queue throws RejectedExecutionException (handled in enqueue), never blocks.
  private final ThreadPoolExecutor executor = new ThreadPoolExecutor(WORKERS, WORKERS,
      60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(QUEUED), new Threads());

  public MetaDispatcher(MessagingTurns turns, ConversationStore store, Clock clock) {
    this.turns = turns;
    this.store = store;
    this.clock = clock;
  }

  @PreDestroy
  void stop() {
    executor.shutdown();
  }

  /** Tasks running or waiting for a thread (for tests). */
  int pending() {
    return executor.getActiveCount() + executor.getQueue().size();
  }

  /** The running bot's helpline numbers; 503 while it is starting, so Meta redelivers later. */
  public HelplineContact helpline() {
    return turns.helpline();
  }

  /**
   * Queues one message, in order with the person's others: take it (or answer a photo with a
   * notice), then send the reply unless this is a redelivery.
   */
  public void takeTurn(MessagingInbound message, MetaReplySender sender) {
    enqueue(message.channel(), message.senderId(), () -> {
      MessagingReply reply = turns.take(message);
      if (reply.replayed()) {
        LOG.debugf("%s redelivery of conversation=%s seq=%d not sent again",
            message.channel(), reply.conversationId(), reply.seq());
        return;
      }
      if (reply.silent()) {
        return;
      }
      deliver(message.channel(), reply, sender);
    });
  }

  private void enqueue(String channel, String senderId, Runnable task) {
    String key = channel + ":" + senderId;
    // When the pool refuses the task, it runs here instead as "record the failure": quick,
    // and it completes this stage so the person's later messages are not stuck behind it.
    AtomicBoolean refused = new AtomicBoolean();
    Executor bounded = command -> {
      try {
        executor.execute(command);
      } catch (RejectedExecutionException e) {
        refused.set(true);
        command.run();
      }
    };
    CompletableFuture<Void> next = queues.compute(key, (k, tail) ->
        (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
            .thenRunAsync(() -> {
              if (refused.get()) {
                notTaken(channel);
              } else {
                guarded(channel, task);
              }
            }, bounded));
    // Outside compute(): the task may already be done, and then this runs right here.
    next.whenComplete((ignored, error) -> queues.remove(key, next));
  }

  private void notTaken(String channel) {
    LOG.warnf("%s message not taken: dispatcher queue full", channel);
    try {
      store.recordDeliveryFailure(channel, null, 0, QUEUE_FULL, clock.instant());
    } catch (StorageUnavailableException s) {
      LOG.warnf("%s delivery failure not recorded: storage unavailable", channel);
    }
  }

  private static void guarded(String channel, Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      // The class only: a message could carry what the person wrote.
      LOG.errorf("%s message not handled: %s", channel, e.getClass().getName());
    }
  }

  private void deliver(String channel, MessagingReply reply, MetaReplySender sender) {
    try {
      sender.send(reply);
    } catch (RuntimeException e) {
      String reason = SendFailures.reason(e);
      LOG.warnf("%s reply not delivered: conversation=%s seq=%d reason=%s", channel,
          reply.conversationId(), reply.seq(), reason);
      try {
        store.recordDeliveryFailure(channel, reply.conversationId(), reply.seq(), reason,
            clock.instant());
      } catch (StorageUnavailableException s) {
        LOG.warnf("%s delivery failure not recorded: storage unavailable", channel);
      }
    }
  }

  /** Daemon threads named meta-dispatcher-N, so they show up plainly in a thread dump. */
  private static final class Threads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "meta-dispatcher-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
