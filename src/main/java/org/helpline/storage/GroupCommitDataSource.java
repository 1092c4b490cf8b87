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
 * The embedded H2 database with group commit: a commit returns only once it is in the
 * database file, and commits that arrive together share one write.
 *
 * <p>H2 keeps a commit in memory and writes it to its file up to {@code WRITE_DELAY} (500 ms)
 * later, so a killed process (SIGKILL, out of memory) loses the turns of its last half second,
 * though they were answered. With {@code WRITE_DELAY=0} it writes on every commit, but turns
 * waiting for the write each make their own, one after another (610 turns/s against 3,600,
 * docs/benchmarks.md). Here, when a connection that wrote (and committed, or ran in auto-commit
 * mode) is closed, the caller waits for the first {@code CHECKPOINT} that started after its commit: one
 * caller runs it, on a connection of its own, for everyone who committed before it began.
 * With {@code helpline.storage.sync-to-disk} it is {@code CHECKPOINT SYNC}, which also forces
 * the file to the disk (an fsync), so acknowledged turns survive a power cut too.
 */
public final class GroupCommitDataSource implements DataSource {

  private final DataSource delegate;
  private final DataSource unpooled;
  private final String checkpoint;
  /** The connection the checkpoints run on; used only by the caller running one. */
  private Connection flusher;
  private long started;
  private long finished;
  private boolean running;

  /**
   * @param delegate the pool of the embedded database
   * @param unpooled the same database outside the pool, for the checkpoints' own connection:
   *     the callers waiting for a checkpoint hold the pool's connections, so taking one from
   *     the pool could wait for ever
   * @param syncToDisk whether each checkpoint also forces the file to the disk
   */
  public GroupCommitDataSource(DataSource delegate, DataSource unpooled, boolean syncToDisk) {
    this.delegate = delegate;
    this.unpooled = unpooled;
    this.checkpoint = syncToDisk ? "CHECKPOINT SYNC" : "CHECKPOINT";
  }

  /** The ticket of a commit made now: the first checkpoint to start after it covers it. */
  private synchronized long ticket() {
    return started + 1;
  }

  /** Waits until the checkpoint that covers this ticket has written the file. */
  void flush(long ticket) throws SQLException {
    while (true) {
      long generation;
      synchronized (this) {
        while (running && finished < ticket) {
          try {
            wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the database file", e);
          }
        }
        if (finished >= ticket) {
          return;
        }
        running = true;
        generation = ++started;
      }
      boolean written = false;
      try {
        checkpoint();
        written = true;
      } finally {
        synchronized (this) {
          running = false;
          if (written) {
            finished = generation;
          }
          notifyAll();
        }
      }
    }
  }

  /** Runs the checkpoint; only one caller at a time gets here. */
  private void checkpoint() throws SQLException {
    if (flusher == null || flusher.isClosed()) {
      flusher = unpooled.getConnection();
      flusher.setAutoCommit(true);
    }
    try (Statement s = flusher.createStatement()) {
      s.execute(checkpoint);
    } catch (SQLException e) {
      Connection broken = flusher;
      flusher = null;
      try {
        broken.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
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

  /**
   * The connection, waiting for the checkpoint when it is closed after a write (committed, or
   * in auto-commit mode): the wait starts once the connection is back in the pool, so turns
   * waiting for one checkpoint do not hold every connection, and more of them share it. A
   * connection that only read never waits. Close the connection before acknowledging what
   * was written.
   */
  private Connection syncing(Connection connection) {
    boolean[] wrote = {false};
    long[] committed = {0};
    InvocationHandler handler = (proxy, method, args) -> {
      String name = method.getName();
      if (name.equals("close") && wrote[0] && !connection.isClosed()
          && connection.getAutoCommit()) {
        committed[0] = ticket();
      }
      Object result = call(connection, method, args);
      if (name.equals("commit") && wrote[0]) {
        committed[0] = ticket();
        wrote[0] = false;
      } else if (name.equals("close") && committed[0] != 0) {
        long ticket = committed[0];
        committed[0] = 0;
        flush(ticket);
      } else if (result instanceof Statement statement) {
        return writeNoting(statement, method.getReturnType(), wrote);
      }
      return result;
    };
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, handler);
  }

  /** The statement, noting any execution that is not a query as a write. */
  private static Object writeNoting(Statement statement, Class<?> type, boolean[] wrote) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getName().startsWith("execute") && !method.getName().equals("executeQuery")) {
        wrote[0] = true;
      }
      return call(statement, method, args);
    };
    return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {type},
        handler);
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
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
