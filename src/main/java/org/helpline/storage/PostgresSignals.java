package org.helpline.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Signals between instances through PostgreSQL's {@code LISTEN/NOTIFY}: the instances already
 * share the database, so signals need no broker of their own.
 *
 * <p>A signal is a {@code NOTIFY} on one channel, {@value #CHANNEL}, with the topic as its
 * payload, sent on a connection of the pool in auto-commit mode, so PostgreSQL delivers it at
 * once to every listening connection, this instance's included.
 *
 * <p>Each instance listens on one connection of its own, outside the pool: it is held for the
 * instance's whole life, which a pool would count against the turns and recycle under the
 * {@code LISTEN}. A daemon thread waits on it for notifications in short slices, so that
 * {@link #close()} is prompt. Listeners run on a second daemon thread, so a slow listener never
 * stops the reading: a connection that stops reading holds back PostgreSQL's notification queue
 * for the whole server. Signals on a topic that arrive while its listeners wait to run are run
 * once: listeners read the database, so one run after the last signal sees every change.
 *
 * <p>When the listening connection is lost (the database restarted, the network was cut), it
 * is made again after 100 ms, then after waits doubling up to 5 s, and once it listens again
 * every listener runs, since the signals sent in between are gone. A connection that stays
 * quiet is checked every 15 s, because a network cut without a reset shows nothing to a reader.
 */
public final class PostgresSignals implements Signals {

  /** The one channel every instance listens on; the topic travels as the payload. */
  static final String CHANNEL = "helpline_signal";

  private static final Logger LOG = Logger.getLogger(PostgresSignals.class);
  /** How long one wait for notifications lasts, and so how soon {@link #close()} is seen. */
  private static final int POLL_MILLIS = 200;
  private static final long CHECK_QUIET_AFTER_NANOS = TimeUnit.SECONDS.toNanos(15);
  private static final int CHECK_TIMEOUT_SECONDS = 5;
  private static final long FIRST_BACKOFF_MILLIS = 100;
  private static final long MAX_BACKOFF_MILLIS = 5_000;
  /** How long the constructor waits to be listening, so that the first subscribers miss nothing. */
  private static final long FIRST_LISTEN_WAIT_MILLIS = 5_000;
  private static final long CLOSE_WAIT_MILLIS = 1_000;

  private final DataSource pool;
  private final DataSource unpooled;
  private final Map<String, Set<Runnable>> listeners = new ConcurrentHashMap<>();
  /** Topics whose listeners are waiting to run: a signal on one of them adds nothing. */
  private final Set<String> queued = ConcurrentHashMap.newKeySet();
  private final ExecutorService dispatch =
      Executors.newSingleThreadExecutor(r -> DaemonThreads.named(r, "helpline-signals"));
  private final CountDownLatch closing = new CountDownLatch(1);
  private final CountDownLatch firstAttempt = new CountDownLatch(1);
  private final Thread listening;
  /** The server process of the listening connection, 0 while there is none. */
  private volatile int listeningPid;

  /**
   * Starts listening, and waits up to 5 s for the first attempt to connect: when it returns
   * listening, subscribers miss no signal; when the database does not answer, it returns all the
   * same and keeps trying in the background.
   *
   * @param pool the application's pool, for sending signals (one short statement each)
   * @param unpooled the same database outside the pool, for the connection that listens
   */
  public PostgresSignals(DataSource pool, DataSource unpooled) {
    this.pool = Objects.requireNonNull(pool, "pool");
    this.unpooled = Objects.requireNonNull(unpooled, "unpooled");
    this.listening = DaemonThreads.named(this::listen, "helpline-signals-listen");
    listening.start();
    try {
      firstAttempt.await(FIRST_LISTEN_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the topic is not one ({@link Signals#checkTopic}): a mistake
   *     in the caller, unlike a database that does not answer
   */
  @Override
  public void publish(String topic) {
    Signals.checkTopic(topic);
    try (Connection c = pool.getConnection();
        PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
      notify.setString(1, CHANNEL);
      notify.setString(2, topic);
      notify.execute();
      if (!c.getAutoCommit()) {
        // A NOTIFY is delivered when its transaction commits.
        c.commit();
      }
    } catch (SQLException | RuntimeException e) {
      // Neither the topic nor the driver's message: either may name what the signal is about.
      LOG.warnf("a signal was not sent (%s); listeners will see the change when they next read",
          describe(e));
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>No statement runs here: the listening connection has listened on the one channel since
   * it was made, so a signal committed after this returns is read after the listener is in
   * place. While there is no such connection, the run of every listener once it listens again
   * stands for the signals missed.
   *
   * @throws IllegalArgumentException if the topic is not one ({@link Signals#checkTopic})
   */
  @Override
  public Subscription subscribe(String topic, Runnable listener) {
    return InProcessSignals.subscribe(listeners, topic, listener);
  }

  /** Stops listening and closes the listening connection, waiting for it up to 1 s. */
  @Override
  public void close() {
    closing.countDown();
    try {
      listening.join(CLOSE_WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    dispatch.shutdownNow();
    listeners.clear();
  }

  /** Listens until closed, making the connection again whenever it is lost. */
  private void listen() {
    long backoff = FIRST_BACKOFF_MILLIS;
    boolean lost = false;
    while (!closed()) {
      try (Connection c = unpooled.getConnection()) {
        c.setAutoCommit(true);
        PGConnection pg = c.unwrap(PGConnection.class);
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + CHANNEL);
        }
        listeningPid = pg.getBackendPID();
        if (lost) {
          LOG.info("signals from other instances are heard again");
        }
        lost = false;
        backoff = FIRST_BACKOFF_MILLIS;
        // Signals sent while nobody listened are gone, so every listener reads again. At the
        // first connection nobody has subscribed yet, since the constructor is still waiting,
        // unless it gave up waiting; then the subscribers too may have missed signals.
        listeners.keySet().forEach(this::signal);
        firstAttempt.countDown();
        poll(c, pg);
      } catch (SQLException | RuntimeException e) {
        listeningPid = 0;
        firstAttempt.countDown();
        if (closed()) {
          break;
        }
        if (lost) {
          LOG.debugf("signals: still cannot listen (%s); next try in %d ms", describe(e), backoff);
        } else {
          // This connection only runs LISTEN, so the driver's message is about the connection.
          LOG.warnf("signals from other instances are not heard until the database answers "
              + "again (%s): %s", describe(e), e.getMessage());
        }
        lost = true;
        if (await(backoff)) {
          break;
        }
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
      }
    }
    listeningPid = 0;
  }

  /** Hands each notification to the listeners of its topic until closed or the connection fails. */
  private void poll(Connection c, PGConnection pg) throws SQLException {
    long heard = System.nanoTime();
    while (!closed()) {
      PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
      if (notifications != null && notifications.length > 0) {
        heard = System.nanoTime();
        for (PGNotification n : notifications) {
          if (CHANNEL.equals(n.getName())) {
            signal(n.getParameter());
          }
        }
      } else if (System.nanoTime() - heard > CHECK_QUIET_AFTER_NANOS) {
        if (!c.isValid(CHECK_TIMEOUT_SECONDS)) {
          throw new SQLException("the listening connection does not answer", "08006");
        }
        heard = System.nanoTime();
      }
    }
  }

  /** Queues one run of the topic's listeners here, unless one is already waiting to start. */
  private void signal(String topic) {
    if (!listeners.containsKey(topic) || !queued.add(topic)) {
      return;
    }
    try {
      dispatch.execute(() -> {
        // Leave the queue before running, so that a signal during the run brings another run.
        queued.remove(topic);
        Set<Runnable> wanting = listeners.get(topic);
        if (wanting != null) {
          wanting.forEach(InProcessSignals::run);
        }
      });
    } catch (RejectedExecutionException e) {
      // Closed: nobody is listening any more.
      queued.remove(topic);
    }
  }

  private boolean closed() {
    return closing.getCount() == 0;
  }

  /** Waits before trying again; true if closed meanwhile. */
  private boolean await(long millis) {
    try {
      return closing.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  /** What went wrong, without a message that might carry what the statement was about. */
  private static String describe(Exception e) {
    return e instanceof SQLException
        ? "SQLState " + ((SQLException) e).getSQLState()
        : e.getClass().getSimpleName();
  }

  /** The server process of the listening connection, 0 while there is none; for tests. */
  int listeningPid() {
    return listeningPid;
  }
}
