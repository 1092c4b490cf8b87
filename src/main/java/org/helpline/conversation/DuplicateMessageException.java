package org.helpline.conversation;

import org.helpline.HelplineException;

/**
 * A message key was processed already (a platform's retried delivery): the turn was not
 * written, and the first reply is to be given again.
 */
public class DuplicateMessageException extends HelplineException {

  public DuplicateMessageException() {
    super("message key already processed");
  }
}
