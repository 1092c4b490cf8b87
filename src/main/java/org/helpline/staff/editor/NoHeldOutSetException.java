package org.helpline.staff.editor;

import org.helpline.HelplineException;

/** This build carries no held-out set, so the model cannot be evaluated. */
public class NoHeldOutSetException extends HelplineException {

  public NoHeldOutSetException(String message) {
    super(message);
  }
}
