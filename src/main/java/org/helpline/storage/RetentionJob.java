package org.helpline.storage;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.helpline.config.HelplineConfig;
import org.helpline.conversation.ConversationStore;
import org.helpline.conversation.StorageUnavailableException;
import org.jboss.logging.Logger;

/** Deletes transcripts and handoff records once they are older than the retention periods. */
@ApplicationScoped
public class RetentionJob {

  private static final Logger LOG = Logger.getLogger(RetentionJob.class);

  private final ConversationStore store;
  private final HelplineConfig config;
  private final Clock clock;

  public RetentionJob(ConversationStore store, HelplineConfig config, Clock clock) {
    this.store = store;
    this.config = config;
    this.clock = clock;
  }

  @Scheduled(every = "${helpline.storage.retention-check-every:1h}", delayed = "1m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void purge() {
    Instant now = clock.instant();
    try {
      int deleted = store.deleteOlderThan(now.minus(config.storage().transcriptRetention()),
          now.minus(config.storage().handoffRetention()));
      LOG.infof("retention: deleted %d rows", deleted);
    } catch (StorageUnavailableException e) {
      LOG.warnf("retention skipped: %s", e.getMessage());
    }
  }
}
