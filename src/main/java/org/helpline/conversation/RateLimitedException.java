package org.helpline.conversation;

import java.time.Duration;
import org.helpline.HelplineException;

/** Messages arrive faster than the configured rate; the person may try again after a while. */
public class RateLimitedException extends HelplineException {

  private final Duration retryAfter;

  public RateLimitedException(Duration retryAfter) {
    super("too many messages: please wait " + Math.max(1, retryAfter.toSeconds())
        + " seconds before sending another");
    this.retryAfter = retryAfter;
  }

  /** How long until one more message would be taken, at least one second. */
  public long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }
}
