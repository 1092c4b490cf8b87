package org.helpline.config;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.helpline.conversation.RateLimits;

/** Forgets the rate-limit buckets of keys that have gone quiet, so memory stays flat. */
@ApplicationScoped
public class RateLimitSweep {

  private final RateLimits rateLimits;

  public RateLimitSweep(RateLimits rateLimits) {
    this.rateLimits = rateLimits;
  }

  @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void sweep() {
    rateLimits.forgetIdle();
  }
}
