package org.helpline.channel.meta;

/**
 * The Graph API refused a send (4xx) or we cannot send at all: retrying the same request
 * cannot help, and it says nothing about the platform's health, so the breaker ignores it.
 */
public class MetaSendRejectedException extends MetaSendException {

  public MetaSendRejectedException(String reason) {
    super(reason);
  }
}
