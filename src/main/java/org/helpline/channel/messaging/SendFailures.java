package org.helpline.channel.messaging;

import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/** Why a send to a messaging platform failed, in words fit for a log and the database. */
public final class SendFailures {

  private SendFailures() {
  }

  /** A short reason without personal data (exception messages may quote the request). */
  public static String reason(RuntimeException e) {
    if (e instanceof SendException) {
      return e.getMessage();
    }
    if (e instanceof CircuitBreakerOpenException) {
      return "circuit breaker open: the platform failed repeatedly";
    }
    if (e instanceof TimeoutException) {
      return "timed out after retries";
    }
    if (e instanceof ProcessingException) {
      return "could not reach the platform";
    }
    return e.getClass().getSimpleName();
  }
}
