package org.helpline.content;

import org.helpline.HelplineException;

/**
 * A content action that cannot happen in the state things are in (HTTP 409): a draft that is
 * not in the status the action needs, a draft based on a version that is no longer live, an
 * approval of a draft that changed since it was read.
 */
public final class ContentWorkflowException extends HelplineException {

  public ContentWorkflowException(String message) {
    super(message);
  }
}
