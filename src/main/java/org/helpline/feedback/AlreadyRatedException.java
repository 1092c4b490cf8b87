package org.helpline.feedback;

import org.helpline.HelplineException;

/** A turn can be rated once; this one has been rated already. */
public class AlreadyRatedException extends HelplineException {

  public AlreadyRatedException(String message) {
    super(message);
  }
}
