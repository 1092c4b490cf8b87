package org.helpline.handoff;

import org.helpline.HelplineException;

/** There is no handoff with this id (HTTP 404). */
public class HandoffNotFoundException extends HelplineException {

  public HandoffNotFoundException(String message) {
    super(message);
  }
}
