package org.helpline.staff.editor;

import org.helpline.HelplineException;

/** This build carries no development set, so the model cannot be evaluated. */
public class NoDevelopmentSetException extends HelplineException {

  public NoDevelopmentSetException(String message) {
    super(message);
  }
}
