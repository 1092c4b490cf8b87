package org.helpline.storage;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The embedded H2 database with every commit forced to the disk before it returns
 * ({@code helpline.storage.sync-to-disk}), so that an acknowledged turn survives a power cut,
 * not only a killed process. H2 writes each commit to the file at once ({@code WRITE_DELAY=0}),
 * but leaves it to the operating system to put it on the disk; this runs H2's
 * {@code CHECKPOINT SYNC} (an fsync of the database file) after each commit, and after closing
 * a connection used in auto-commit mode.
 *
 * <p>Group commit: commits that arrive while a sync is running share the next one. A caller
 * waits only for the first sync that started after its own commit, so one fsync covers every
 * turn committed before it began.
 */
public final class DiskSyncDataSource implements DataSource {

  private final DataSource delegate;
  private long started;
  private long finished;
  private boolean running;

  public DiskSyncDataSource(DataSource delegate) {
    this.delegate = delegate;
  }

  /** Waits until everything committed before this call is on the disk. */
  void sync() throws SQLException {
    long ticket;
    synchronized (this) {
      ticket = started + 1;
    }
    while (true) {
      long generation;
      synchronized (this) {
        while (running && finished < ticket) {
          try {
            wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the disk", e);
          }
        }
        if (finished >= ticket) {
          return;
        }
        running = true;
        generation = ++started;
      }
      boolean synced = false;
      try (Connection c = delegate.getConnection(); Statement s = c.createStatement()) {
        s.execute("CHECKPOINT SYNC");
        synced = true;
      } finally {
        synchronized (this) {
          running = false;
          if (synced) {
            finished = generation;
          }
          notifyAll();
        }
      }
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    return syncing(delegate.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return syncing(delegate.getConnection(username, password));
  }

  private Connection syncing(Connection connection) {
    InvocationHandler handler = new InvocationHandler() {
      @Override
      public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        boolean autoCommitClose = method.getName().equals("close") && !connection.isClosed()
            && connection.getAutoCommit();
        Object result;
        try {
          result = method.invoke(connection, args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
        if (method.getName().equals("commit") || autoCommitClose) {
          sync();
        }
        return result;
      }
    };
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, handler);
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(this) ? type.cast(this) : delegate.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || delegate.isWrapperFor(type);
  }
}
