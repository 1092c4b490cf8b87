package org.helpline;

/** Root of the bot's own exceptions. */
public class HelplineException extends RuntimeException {

  public HelplineException(String message) {
    super(message);
  }

  public HelplineException(String message, Throwable cause) {
    super(message, cause);
  }
}
