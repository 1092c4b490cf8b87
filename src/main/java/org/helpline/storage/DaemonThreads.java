package org.helpline.storage;

/** Threads of the application's own background work, which never keep the process alive. */
public final class DaemonThreads {

  private DaemonThreads() {
  }

  /** A daemon thread running {@code r}, named for thread dumps. */
  public static Thread named(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
