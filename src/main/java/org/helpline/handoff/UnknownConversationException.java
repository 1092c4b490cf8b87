package org.helpline.handoff;

import org.helpline.HelplineException;

/** No conversation has this id (404): it never existed, or its retention period is over. */
public class UnknownConversationException extends HelplineException {

  public UnknownConversationException(String message) {
    super(message);
  }
}
