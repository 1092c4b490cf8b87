package org.helpline.config;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.helpline.conversation.BotHolder;
import org.helpline.conversation.HelplineBot;
import org.helpline.conversation.NurseChat;
import org.helpline.conversation.StorageUnavailableException;
import org.helpline.handoff.HandoffQueue;
import org.jboss.logging.Logger;

/**
 * Offers a message to people who have waited for a nurse to chat longer than
 * {@code helpline.nurse-chat.offer-message-after}, or are still waiting when the line closes,
 * once per wait: they can keep waiting, or leave a message and be given an honest reply-by
 * time. Runs on every instance; the queue
 * makes sure each person is offered once.
 */
@ApplicationScoped
public class UnclaimedChatSweep {

  private static final Logger LOG = Logger.getLogger(UnclaimedChatSweep.class);

  private final HandoffQueue queue;
  private final NurseChat nurseChat;
  private final BotHolder bots;
  private final Clock clock;
  private final Duration after;

  public UnclaimedChatSweep(HandoffQueue queue, NurseChat nurseChat, BotHolder bots,
      Clock clock, HelplineConfig config) {
    this.queue = queue;
    this.nurseChat = nurseChat;
    this.bots = bots;
    this.clock = clock;
    this.after = config.nurseChat().offerMessageAfter();
  }

  @Scheduled(every = "${helpline.nurse-chat.outbox-sweep:15s}", delayed = "1s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void sweep() {
    HelplineBot bot = bots.current().orElse(null);
    if (bot == null) {
      return;
    }
    Instant now = clock.instant();
    try {
      int offered = queue.offerUnclaimed(
          NurseChat.offerToThoseWaitingSince(bot.content(), now, after),
          channel -> nurseChat.unclaimedOffer(bot.content(), channel, now),
          NurseChat.unclaimedChoices(), now);
      if (offered > 0) {
        LOG.infof("offered a message to %d people waiting to chat", offered);
      }
    } catch (StorageUnavailableException e) {
      LOG.warnf("unclaimed chats not checked: storage unavailable");
    }
  }
}
