package org.helpline.storage;

import org.helpline.HelplineException;

/** A stored reply has a shape or version this build does not know; the message says which. */
public class UnreadableReplyException extends HelplineException {

  public UnreadableReplyException(String message) {
    super(message);
  }

  public UnreadableReplyException(String message, Throwable cause) {
    super(message, cause);
  }
}
