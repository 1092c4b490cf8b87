package org.helpline.conversation;

/**
 * The database gave up on a turn it may well accept when tried again (a deadlock, a lock
 * timeout, a serialization failure); nothing was written.
 */
public class StorageConflictException extends StorageUnavailableException {

  public StorageConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
