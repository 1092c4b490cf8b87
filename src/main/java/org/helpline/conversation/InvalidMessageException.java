package org.helpline.conversation;

import org.helpline.HelplineException;

/** A message the bot cannot take as it is (empty, too long, control characters, bad payload). */
public class InvalidMessageException extends HelplineException {

  public InvalidMessageException(String message) {
    super(message);
  }
}
