package org.helpline.channel.messaging;

import io.quarkus.arc.All;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.helpline.config.HelplineConfig;
import org.helpline.content.Content;
import org.helpline.conversation.BotHolder;
import org.helpline.conversation.ChatReply;
import org.helpline.conversation.ConversationStore;
import org.helpline.conversation.HelplineBot;
import org.helpline.conversation.Notices;
import org.helpline.conversation.StorageUnavailableException;
import org.helpline.handoff.ChatEvent;
import org.helpline.handoff.Outbox;
import org.helpline.storage.DaemonThreads;
import org.helpline.storage.Signals;
import org.jboss.logging.Logger;

/**
 * Sends what nurses write to people in messaging apps, and where their chat stands, through
 * each platform's {@link AppSender}. Runs on any instance when the outbox is signalled (a
 * nurse wrote, or a person wrote again after the platform's window closed) and every
 * {@code helpline.nurse-chat.outbox-sweep} (a send that failed for now, or an instance that
 * died mid-send). Each person's events go out in order, one at a time:
 *
 * <ul>
 *   <li>sent: done;
 *   <li>a platform outage (after the client's own retries): tried again later, waiting longer
 *       each time, up to {@value #MAX_ATTEMPTS} tries; then, as for a refusal:
 *   <li>refused (4xx, no address, the platform not configured): never sent, recorded as a
 *       delivery failure, and the nurse gets an alert in the chat saying so;
 *   <li>outside the platform's window (WhatsApp: 24 hours after the person's last message):
 *       held until they write again; the person gets the approved template saying a reply
 *       waits, where one is configured, and the nurse gets an alert saying which.
 * </ul>
 *
 * <p>Logs channel, conversation id and event id only: never a text or an address.
 */
@ApplicationScoped
@Startup
public class AppDelivery {

  private static final Logger LOG = Logger.getLogger(AppDelivery.class);
  static final int MAX_ATTEMPTS = 10;
  private static final int BATCH = 50;
  private static final int MAX_ROUNDS = 20;
  private static final Duration CLAIM = Duration.ofSeconds(60);
  private static final String ALERT = "delivery";

  private final Outbox outbox;
  private final Map<String, AppSender> senders;
  private final BotHolder bots;
  private final ConversationStore store;
  private final Clock clock;
  private final Signals signals;
  private final Notices notices;
  private final Duration firstRetry;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> DaemonThreads.named(r, "app-delivery"));
  private final AtomicBoolean queued = new AtomicBoolean();
  private Signals.Subscription subscription;

  public AppDelivery(Outbox outbox, @All List<AppSender> senders, BotHolder bots,
      ConversationStore store, Clock clock, Signals signals, Notices notices,
      HelplineConfig config) {
    this.outbox = outbox;
    this.senders = senders.stream().collect(Collectors.toMap(AppSender::channel,
        Function.identity()));
    this.bots = bots;
    this.store = store;
    this.clock = clock;
    this.signals = signals;
    this.notices = notices;
    this.firstRetry = config.nurseChat().outboxRetry();
  }

  @PostConstruct
  void start() {
    subscription = signals.subscribe(Outbox.TOPIC, this::kick);
    kick();
  }

  @PreDestroy
  void stop() {
    if (subscription != null) {
      subscription.close();
    }
    worker.shutdownNow();
  }

  /** Sends what is due soon, on the delivery thread; signals while it runs run it again. */
  public void kick() {
    if (queued.compareAndSet(false, true)) {
      worker.execute(() -> {
        queued.set(false);
        deliverDue();
      });
    }
  }

  /** Retries what failed for now, and forgets addresses nobody needs any more. */
  @Scheduled(every = "${helpline.nurse-chat.outbox-sweep:15s}", delayed = "1s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void sweep() {
    kick();
    try {
      int forgotten = outbox.forgetAddresses();
      if (forgotten > 0) {
        LOG.debugf("forgot %d messaging addresses of closed chats", forgotten);
      }
    } catch (StorageUnavailableException e) {
      LOG.warnf("outbox sweep skipped: storage unavailable");
    }
  }

  private void deliverDue() {
    try {
      for (int round = 0; round < MAX_ROUNDS; round++) {
        Instant now = clock.instant();
        List<Outbox.Item> due = outbox.due(now, BATCH);
        int claimed = 0;
        for (Outbox.Item item : due) {
          if (outbox.claim(item, now, now.plus(CLAIM))) {
            claimed++;
            deliver(item);
          }
        }
        if (claimed == 0) {
          return;
        }
      }
      // More than a burst's worth: the rest go on the next signal or sweep.
      kick();
    } catch (StorageUnavailableException e) {
      LOG.warnf("outbox not read: storage unavailable; the sweep tries again");
    } catch (RuntimeException e) {
      LOG.errorf("outbox delivery stopped: %s", e.getClass().getName());
    }
  }

  private void deliver(Outbox.Item item) {
    Instant now = clock.instant();
    Optional<HelplineBot> bot = bots.current();
    if (bot.isEmpty()) {
      // Still starting: the words come from the content.
      outbox.retryAt(item, now.plus(firstRetry));
      return;
    }
    Content content = bot.get().content();
    Optional<ChatReply> reply = OutboxText.of(item.kind(), item.data(),
        content.handoff().chat().app(), content.helpline().phone());
    if (reply.isEmpty()) {
      outbox.sent(item);
      return;
    }
    AppSender sender = item.channel() == null ? null : senders.get(item.channel());
    if (sender == null || !sender.enabled() || item.replyTo() == null) {
      fail(item, sender == null || item.replyTo() == null
          ? "no way to reach this person in their app is kept"
          : "the " + item.channel() + " send API is not configured", now);
      return;
    }
    Optional<Duration> window = sender.window(item.replyTo());
    if (window.isPresent() && (item.lastHeard() == null
        || item.lastHeard().plus(window.get()).isBefore(now))) {
      hold(item, sender, window.get(), now);
      return;
    }
    try {
      sender.send(item.replyTo(), reply.get(), notices.channelWords(), item.lastHeard(), now);
      outbox.sent(item);
      LOG.debugf("%s chat event sent: conversation=%s event=%d", item.channel(),
          item.conversationId(), item.eventId());
    } catch (SendRejectedException e) {
      fail(item, e.getMessage(), now);
    } catch (RuntimeException e) {
      String reason = SendFailures.reason(e);
      if (item.attempts() + 1 >= MAX_ATTEMPTS) {
        fail(item, reason + ", " + MAX_ATTEMPTS + " times", now);
        return;
      }
      Duration wait = firstRetry.multipliedBy(1L << Math.min(item.attempts(), 5));
      LOG.warnf("%s chat event not sent, trying again in %ds: conversation=%s event=%d"
          + " reason=%s", item.channel(), wait.toSeconds(), item.conversationId(),
          item.eventId(), reason);
      outbox.retryAt(item, now.plus(wait));
    }
  }

  private void hold(Outbox.Item item, AppSender sender, Duration window, Instant now) {
    boolean told;
    try {
      told = sender.nudge(item.replyTo());
    } catch (RuntimeException e) {
      told = false;
    }
    String app = appName(item.channel());
    outbox.hold(item, ChatEvent.alert(ALERT, app + " only lets us write to this person within "
        + describe(window) + " of their last message, so your message waits and is sent when"
        + " they next write. " + (told ? "They have been sent a notice that a reply is"
        + " waiting." : "They have not been told a reply is waiting (no reply template is"
        + " configured)."), now), now);
    LOG.infof("%s chat event held for the platform's window: conversation=%s event=%d"
        + " notified=%s", item.channel(), item.conversationId(), item.eventId(), told);
  }

  private void fail(Outbox.Item item, String reason, Instant now) {
    LOG.warnf("%s chat event not delivered: conversation=%s event=%d reason=%s",
        item.channel(), item.conversationId(), item.eventId(), reason);
    outbox.failed(item, ChatEvent.alert(ALERT, "This could not be sent to the person's "
        + appName(item.channel()) + " (" + reason + "), so they have not seen it. If you"
        + " can, try again later.", now), now);
    try {
      store.recordDeliveryFailure(item.channel() == null ? "unknown" : item.channel(),
          item.conversationId(), 0, reason, now);
    } catch (StorageUnavailableException e) {
      LOG.warnf("delivery failure not recorded: storage unavailable");
    }
  }

  private static String appName(String channel) {
    if (channel == null) {
      return "app";
    }
    return switch (channel) {
      case "whatsapp" -> "WhatsApp";
      case "messenger" -> "Messenger";
      case "telegram" -> "Telegram";
      case "twilio" -> "SMS";
      default -> channel;
    };
  }

  private static String describe(Duration window) {
    long hours = window.toHours();
    return hours % 24 == 0 && hours > 24 ? hours / 24 + " days" : hours + " hours";
  }
}
