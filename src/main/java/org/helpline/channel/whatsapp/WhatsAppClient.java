package org.helpline.channel.whatsapp;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.helpline.channel.meta.MetaSendException;
import org.helpline.channel.meta.MetaSendRejectedException;
import org.helpline.channel.whatsapp.dto.WhatsAppSendMessage;
import org.helpline.config.HelplineConfig;

/**
 * Sends WhatsApp messages resiliently: each attempt is cut off after 5 s, transient failures
 * (5xx, 429, timeouts, no connection) are retried twice with growing delays, and after many
 * failures the breaker stops calling a Graph API that is down. A refusal (4xx) is not retried.
 */
@ApplicationScoped
public class WhatsAppClient {

  private static final Pattern PHONE_NUMBER_ID = Pattern.compile("^[0-9]{1,32}$");

  private final WhatsAppRestClient api;
  private final HelplineConfig.Meta settings;

  public WhatsAppClient(@RestClient WhatsAppRestClient api, HelplineConfig config) {
    this.api = api;
    this.settings = config.channels().whatsapp();
  }

  /** Sends one message from the business number {@code phoneNumberId}. */
  @Timeout(5000)
  @Retry(maxRetries = 2, delay = 300, jitter = 100,
      abortOn = MetaSendRejectedException.class)
  @ExponentialBackoff(factor = 2, maxDelay = 5000)
  @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30,
      delayUnit = ChronoUnit.SECONDS, successThreshold = 2,
      skipOn = MetaSendRejectedException.class)
  public void send(String phoneNumberId, WhatsAppSendMessage message) {
    String token = settings.accessToken().filter(s -> !s.isBlank())
        .orElseThrow(() -> new MetaSendRejectedException("no WhatsApp access token"));
    // The id comes from a signed webhook, but it goes into a URL path: digits only.
    if (phoneNumberId == null || !PHONE_NUMBER_ID.matcher(phoneNumberId).matches()) {
      throw new MetaSendRejectedException("malformed phone_number_id");
    }
    try {
      api.send("Bearer " + token, phoneNumberId, message);
    } catch (WebApplicationException e) {
      int status = e.getResponse().getStatus();
      if (status >= 400 && status < 500 && status != 408 && status != 429) {
        throw new MetaSendRejectedException("Graph API refused the message: HTTP " + status);
      }
      throw new MetaSendException("Graph API failed: HTTP " + status);
    }
  }
}
