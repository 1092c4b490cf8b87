package org.helpline.channel.meta;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Sends to the Graph API resiliently: each attempt is cut off after 5 s, transient failures
 * (5xx, 429, timeouts, no connection) are retried twice with growing delays, and after many
 * failures the breaker stops calling a Graph API that is down. A refusal (4xx) is not retried.
 * Each platform is a subclass, so each has a circuit breaker of its own (one platform's outage
 * never silences the other); they share one policy, configured under
 * {@code quarkus.fault-tolerance."org.helpline.channel.meta.MetaGraphClient/send"}.
 *
 * @param <M> what one send carries
 */
public abstract class MetaGraphClient<M> {

  private final Optional<String> token;
  private final String noToken;
  private final BiConsumer<String, M> post;

  /**
   * The platform's send token, the reason logged when it is missing, and the call that posts
   * one message with an {@code Authorization} header.
   */
  protected MetaGraphClient(Optional<String> token, String noToken, BiConsumer<String, M> post) {
    this.token = token;
    this.noToken = noToken;
    this.post = post;
  }

  /** Sends one message. */
  @Timeout(5000)
  @Retry(maxRetries = 2, delay = 300, jitter = 100,
      abortOn = MetaSendRejectedException.class)
  @ExponentialBackoff(factor = 2, maxDelay = 5000)
  @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30,
      delayUnit = ChronoUnit.SECONDS, successThreshold = 2,
      skipOn = MetaSendRejectedException.class)
  public void send(M message) {
    String bearer = token.filter(s -> !s.isBlank())
        .orElseThrow(() -> new MetaSendRejectedException(noToken));
    try {
      post.accept("Bearer " + bearer, message);
    } catch (WebApplicationException e) {
      int status = e.getResponse().getStatus();
      if (status >= 400 && status < 500 && status != 408 && status != 429) {
        throw new MetaSendRejectedException("Graph API refused the message: HTTP " + status);
      }
      throw new MetaSendException("Graph API failed: HTTP " + status);
    }
  }
}
