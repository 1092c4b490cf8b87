package org.helpline.staff.editor;

import org.helpline.HelplineException;

/** The first evaluation of the running model has not finished yet. */
public class EvaluationPendingException extends HelplineException {

  public EvaluationPendingException(String message) {
    super(message);
  }
}
