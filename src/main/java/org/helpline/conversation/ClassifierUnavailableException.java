package org.helpline.conversation;

import org.helpline.HelplineException;

/** The content is not loaded or the model not trained yet, so no turn can be taken. */
public class ClassifierUnavailableException extends HelplineException {

  public ClassifierUnavailableException(String message) {
    super(message);
  }
}
