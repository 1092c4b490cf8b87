package org.helpline.channel.messaging;

import org.helpline.HelplineException;

/**
 * A send to a messaging platform failed in a way worth retrying (5xx, 429, no connection). The
 * message is a short reason without personal data: it is logged and stored.
 */
public class SendException extends HelplineException {

  public SendException(String reason) {
    super(reason);
  }

  public SendException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
