package org.helpline.content;

import org.helpline.HelplineException;

/** No draft, version or file by that name (HTTP 404). */
public final class UnknownContentException extends HelplineException {

  public UnknownContentException(String message) {
    super(message);
  }
}
