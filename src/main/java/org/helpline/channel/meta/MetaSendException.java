package org.helpline.channel.meta;

import org.helpline.HelplineException;

/**
 * A send to the Graph API failed in a way worth retrying (5xx, 429, no connection). The
 * message is a short reason without personal data: it is logged and stored.
 */
public class MetaSendException extends HelplineException {

  public MetaSendException(String reason) {
    super(reason);
  }

  public MetaSendException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
