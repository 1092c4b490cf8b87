package org.helpline.handoff;

import org.helpline.HelplineException;

/** The handoff is not in a state that allows this (claimed by someone else, closed: 409). */
public class HandoffConflictException extends HelplineException {

  public HandoffConflictException(String message) {
    super(message);
  }
}
