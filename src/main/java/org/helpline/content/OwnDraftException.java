package org.helpline.content;

import org.helpline.HelplineException;

/**
 * A clinician asked to approve or return a draft they wrote part of (HTTP 403): a change is
 * always signed off by a second person.
 */
public final class OwnDraftException extends HelplineException {

  public OwnDraftException(String message) {
    super(message);
  }
}
