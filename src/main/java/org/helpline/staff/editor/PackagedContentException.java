package org.helpline.staff.editor;

import org.helpline.HelplineException;

/** The bot runs on the content packaged into the build, so there is nothing to reload. */
public class PackagedContentException extends HelplineException {

  public PackagedContentException(String message) {
    super(message);
  }
}
