package org.helpline.conversation;

import org.helpline.HelplineException;

/** The conversation store could not be reached or failed; the turn was not stored. */
public class StorageUnavailableException extends HelplineException {

  public StorageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
