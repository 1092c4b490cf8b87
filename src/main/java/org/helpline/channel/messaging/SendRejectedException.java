package org.helpline.channel.messaging;

/**
 * The platform refused a send (4xx) or we cannot send at all: retrying the same request
 * cannot help, and it says nothing about the platform's health, so the breaker ignores it.
 */
public class SendRejectedException extends SendException {

  public SendRejectedException(String reason) {
    super(reason);
  }
}
