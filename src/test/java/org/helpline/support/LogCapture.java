package org.helpline.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Captures everything logged in this JVM while it is open: each record as its message, its
 * formatted message, its parameters and every exception in its chain.
 */
public final class LogCapture extends Handler implements AutoCloseable {

  private final List<String> lines = new CopyOnWriteArrayList<>();

  private LogCapture() {
  }

  /** Starts capturing at the root logger. */
  public static LogCapture start() {
    LogCapture capture = new LogCapture();
    Logger.getLogger("").addHandler(capture);
    return capture;
  }

  /** What was logged so far, one entry per record. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void publish(LogRecord record) {
    StringBuilder sb = new StringBuilder(String.valueOf(record.getMessage()));
    if (record instanceof ExtLogRecord ext) {
      sb.append(" | ").append(ext.getFormattedMessage());
    }
    if (record.getParameters() != null) {
      for (Object p : record.getParameters()) {
        sb.append(" | ").append(p);
      }
    }
    for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
      sb.append(" | ").append(t);
    }
    lines.add(sb.toString());
  }

  @Override
  public void flush() {
  }

  /** Stops capturing. */
  @Override
  public void close() {
    Logger.getLogger("").removeHandler(this);
  }
}
