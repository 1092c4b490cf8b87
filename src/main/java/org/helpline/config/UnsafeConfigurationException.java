package org.helpline.config;

import org.helpline.HelplineException;

/** The production profile was started with a missing, empty, weak or known secret. */
public class UnsafeConfigurationException extends HelplineException {

  public UnsafeConfigurationException(String message) {
    super(message);
  }
}
