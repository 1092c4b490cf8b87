package org.helpline.config;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.helpline.conversation.RateLimits;
import org.helpline.staff.SignInThrottle;

/**
 * Forgets the rate-limit and sign-in buckets of keys that have gone quiet, so memory (and, on
 * PostgreSQL, the shared rate-limit table) stays flat. Every instance sweeps; on PostgreSQL
 * sweeps at the same time skip each other's rows.
 */
@ApplicationScoped
public class RateLimitSweep {

  private final RateLimits rateLimits;
  private final SignInThrottle signIns;

  public RateLimitSweep(RateLimits rateLimits, SignInThrottle signIns) {
    this.rateLimits = rateLimits;
    this.signIns = signIns;
  }

  @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void sweep() {
    rateLimits.forgetIdle();
    signIns.forgetIdle();
  }
}
