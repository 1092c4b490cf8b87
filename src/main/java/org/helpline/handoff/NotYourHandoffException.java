package org.helpline.handoff;

import org.helpline.HelplineException;

/** Another nurse has this conversation: only they, or an admin, may write in it (403). */
public class NotYourHandoffException extends HelplineException {

  public NotYourHandoffException(String message) {
    super(message);
  }
}
