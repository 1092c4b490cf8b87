package org.helpline.channel.messaging;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Sends to a messaging platform's API resiliently: each attempt is cut off after 5 s,
 * transient failures (5xx, 429, timeouts, no connection) are retried twice with growing
 * delays, and after many failures the breaker stops calling a platform that is down. A
 * refusal (4xx) is not retried. Each platform is a subclass, so each has a circuit breaker of
 * its own (one platform's outage never silences another); they share one policy, configured
 * under {@code quarkus.fault-tolerance."org.helpline.channel.messaging.PlatformClient/send"}.
 *
 * @param <M> what one send carries
 */
public abstract class PlatformClient<M> {

  private final String platform;
  private final Optional<String> credential;
  private final String noCredential;
  private final BiConsumer<String, M> post;

  /**
   * @param platform the API's name, for the short reasons logged and stored ("Graph API")
   * @param credential the platform's send token or key
   * @param noCredential the reason logged when it is missing
   * @param post the call that posts one message with the credential
   */
  protected PlatformClient(String platform, Optional<String> credential, String noCredential,
      BiConsumer<String, M> post) {
    this.platform = platform;
    this.credential = credential;
    this.noCredential = noCredential;
    this.post = post;
  }

  /** Whether the platform's send credential is configured. */
  public boolean configured() {
    return credential.filter(s -> !s.isBlank()).isPresent();
  }

  /** Sends one message. */
  @Timeout(5000)
  @Retry(maxRetries = 2, delay = 300, jitter = 100, abortOn = SendRejectedException.class)
  @ExponentialBackoff(factor = 2, maxDelay = 5000)
  @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30,
      delayUnit = ChronoUnit.SECONDS, successThreshold = 2,
      skipOn = SendRejectedException.class)
  public void send(M message) {
    String secret = credential.filter(s -> !s.isBlank())
        .orElseThrow(() -> new SendRejectedException(noCredential));
    try {
      post.accept(secret, message);
    } catch (WebApplicationException e) {
      int status = e.getResponse().getStatus();
      if (status >= 400 && status < 500 && status != 408 && status != 429) {
        throw new SendRejectedException(platform + " refused the message: HTTP " + status);
      }
      throw new SendException(platform + " failed: HTTP " + status);
    }
  }
}
