package org.helpline.feedback;

import org.helpline.HelplineException;

/** A rating names a conversation or turn that does not exist (or is no longer kept). */
public class UnknownTurnException extends HelplineException {

  public UnknownTurnException(String message) {
    super(message);
  }
}
