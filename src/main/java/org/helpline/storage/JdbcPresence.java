package org.helpline.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.helpline.handoff.PersonPresence;
import org.jboss.logging.Logger;

/**
 * Whether a person has their web chat open, on any instance: a nurse sees when they have
 * closed it. Each instance counts the person's streams it holds per conversation and keeps one
 * row per conversation in {@code chat_presence} while it holds any, renewed every keep-alive;
 * a row not renewed for {@value #STALE_KEEP_ALIVES} keep-alives (its instance died) no longer
 * counts. Every change signals the conversation, so nurses' streams read it at once.
 *
 * <p>Writes run in order on a thread of their own, never on the thread that opened or closed
 * the stream. A write that fails is logged without the conversation and is not retried: the
 * renewal puts a missing row back within a keep-alive, and a row left behind goes stale.
 */
public final class JdbcPresence implements PersonPresence, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(JdbcPresence.class);
  private static final int STALE_KEEP_ALIVES = 3;

  private final DataSource dataSource;
  private final Signals signals;
  private final Clock clock;
  private final Duration stale;
  private final String instance = UUID.randomUUID().toString();
  private final Map<String, Integer> open = new ConcurrentHashMap<>();
  private final ExecutorService writes;
  private final ScheduledExecutorService renewals;

  public JdbcPresence(DataSource dataSource, Signals signals, Clock clock, Duration keepAlive) {
    this.dataSource = dataSource;
    this.signals = signals;
    this.clock = clock;
    this.stale = keepAlive.multipliedBy(STALE_KEEP_ALIVES);
    this.writes = Executors.newSingleThreadExecutor(r -> DaemonThreads.named(r, "helpline-presence"));
    this.renewals = Executors.newSingleThreadScheduledExecutor(
        r -> DaemonThreads.named(r, "helpline-presence-renewal"));
    long every = Math.max(1, keepAlive.toMillis());
    renewals.scheduleAtFixedRate(() -> submit(this::renew), every, every,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void opened(String conversationId) {
    if (open.merge(conversationId, 1, Integer::sum) == 1) {
      submit(() -> write(conversationId, true));
    }
  }

  @Override
  public void closed(String conversationId) {
    Integer left = open.computeIfPresent(conversationId, (k, n) -> n > 1 ? n - 1 : null);
    if (left == null) {
      submit(() -> write(conversationId, false));
    }
  }

  @Override
  public boolean here(String conversationId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT 1 FROM chat_presence"
            + " WHERE conversation_id = ? AND seen_at > ?")) {
      Sql.bind(ps, conversationId, clock.instant().minus(stale));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw Sql.unavailable("the person's presence could not be read", e);
    }
  }

  private void write(String conversationId, boolean here) {
    // The count may have changed again while this waited: write what holds now.
    boolean holds = open.containsKey(conversationId);
    if (holds != here) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      Sql.update(c, "DELETE FROM chat_presence WHERE conversation_id = ? AND instance_id = ?",
          conversationId, instance);
      if (here) {
        Sql.update(c, "INSERT INTO chat_presence (conversation_id, instance_id, seen_at)"
            + " VALUES (?, ?, ?)", conversationId, instance, clock.instant());
      }
    } catch (SQLException e) {
      LOG.warnf("a person's presence could not be stored: %s", e.getClass().getSimpleName());
      return;
    }
    if (signals != null) {
      signals.publish(JdbcHandoffQueue.conversationTopic(conversationId));
    }
  }

  /** Renews this instance's rows, puts back any it lost, and sweeps those of dead instances. */
  private void renew() {
    Instant now = clock.instant();
    try (Connection c = dataSource.getConnection()) {
      int renewed = Sql.update(c, "UPDATE chat_presence SET seen_at = ? WHERE instance_id = ?",
          now, instance);
      if (renewed < open.size()) {
        // A write failed (the database was away): put the missing rows back.
        open.keySet().forEach(id -> submit(() -> write(id, true)));
      }
      Sql.update(c, "DELETE FROM chat_presence WHERE seen_at < ?",
          now.minus(stale.multipliedBy(2)));
    } catch (SQLException e) {
      LOG.warnf("presence could not be renewed: %s", e.getClass().getSimpleName());
    }
  }

  private void submit(Runnable write) {
    try {
      writes.execute(write);
    } catch (RejectedExecutionException e) {
      // Closing: the rows go stale.
    }
  }

  @Override
  public void close() {
    renewals.shutdownNow();
    writes.shutdown();
    try (Connection c = dataSource.getConnection()) {
      Sql.update(c, "DELETE FROM chat_presence WHERE instance_id = ?", instance);
    } catch (SQLException e) {
      LOG.warnf("presence rows left to go stale: %s", e.getClass().getSimpleName());
    }
  }
}
