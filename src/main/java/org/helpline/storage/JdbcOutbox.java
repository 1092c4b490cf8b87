package org.helpline.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.helpline.handoff.ChatEvent;
import org.helpline.handoff.Outbox;

/**
 * The outbox in the {@code chat_event} table's {@code outbox} column (same SQL on H2 and
 * PostgreSQL). A try is claimed with a conditional update of {@code send_after}: of two
 * instances, exactly one moves it, and an instance that dies mid-send leaves the event due
 * again once the claim runs out (so a send may, rarely, happen twice; it is never lost).
 */
public final class JdbcOutbox implements Outbox {

  static final String PENDING = "pending";
  static final String SENT = "sent";
  static final String HELD = "window";
  static final String FAILED = "failed";

  private final DataSource dataSource;
  private final Signals signals;

  public JdbcOutbox(DataSource dataSource, Signals signals) {
    this.dataSource = dataSource;
    this.signals = signals;
  }

  @Override
  public List<Item> due(Instant now, int limit) {
    try (Connection c = dataSource.getConnection()) {
      List<Item> due = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT e.conversation_id, e.id, e.kind,"
          + " e.body, e.send_attempts FROM chat_event e WHERE e.outbox = 'pending'"
          + " AND e.send_after <= ? AND NOT EXISTS (SELECT 1 FROM chat_event p"
          + " WHERE p.conversation_id = e.conversation_id AND p.id < e.id"
          + " AND p.outbox IN ('pending', 'window')) ORDER BY e.send_after, e.conversation_id")) {
        Sql.bind(ps, now);
        ps.setMaxRows(limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            due.add(new Item(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                null, null, null, rs.getInt(5)));
          }
        }
      }
      List<Item> out = new ArrayList<>(due.size());
      for (Item item : due) {
        out.add(addressed(c, item));
      }
      return out;
    } catch (SQLException e) {
      throw Sql.unavailable("outbox", e);
    }
  }

  /** The item with its channel, its person's address and when they last wrote. */
  private static Item addressed(Connection c, Item item) throws SQLException {
    String channel = null;
    String replyTo = null;
    try (PreparedStatement ps = c.prepareStatement("SELECT channel, reply_to FROM handoff"
        + " WHERE conversation_id = ? AND reply_to IS NOT NULL ORDER BY created_at DESC")) {
      ps.setString(1, item.conversationId());
      ps.setMaxRows(1);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          channel = rs.getString(1);
          replyTo = rs.getString(2);
        }
      }
    }
    // When the person last wrote, in this conversation or a later one of theirs (a message
    // after the nurse closed the chat starts a new conversation, and opens the window too).
    Instant lastHeard;
    try (PreparedStatement ps = c.prepareStatement("SELECT MAX(t.created_at) AS last_heard"
        + " FROM turn t WHERE t.conversation_id = ? OR t.conversation_id IN (SELECT o.id"
        + " FROM conversation o JOIN conversation me ON o.sender_key = me.sender_key"
        + " WHERE me.id = ?)")) {
      ps.setString(1, item.conversationId());
      ps.setString(2, item.conversationId());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        lastHeard = Sql.instant(rs, "last_heard");
      }
    }
    return new Item(item.conversationId(), item.eventId(), item.kind(), item.data(), channel,
        replyTo, lastHeard, item.attempts());
  }

  @Override
  public boolean claim(Item item, Instant now, Instant until) {
    return change("UPDATE chat_event SET send_after = ?, send_attempts = send_attempts + 1"
        + " WHERE conversation_id = ? AND id = ? AND outbox = 'pending' AND send_after <= ?",
        until, item.conversationId(), item.eventId(), now) == 1;
  }

  @Override
  public void sent(Item item) {
    change("UPDATE chat_event SET outbox = 'sent' WHERE conversation_id = ? AND id = ?",
        item.conversationId(), item.eventId());
  }

  @Override
  public void retryAt(Item item, Instant at) {
    change("UPDATE chat_event SET send_after = ? WHERE conversation_id = ? AND id = ?"
        + " AND outbox = 'pending'", at, item.conversationId(), item.eventId());
  }

  @Override
  public void hold(Item item, ChatEvent.Draft alert, Instant now) {
    settle(item, HELD, alert, now);
  }

  @Override
  public void failed(Item item, ChatEvent.Draft alert, Instant now) {
    settle(item, FAILED, alert, now);
  }

  @Override
  public int forgetAddresses() {
    return change("UPDATE handoff SET reply_to = NULL WHERE status = 'closed'"
        + " AND reply_to IS NOT NULL AND NOT EXISTS (SELECT 1 FROM chat_event e"
        + " WHERE e.conversation_id = handoff.conversation_id"
        + " AND e.outbox IN ('pending', 'window'))");
  }

  /**
   * The person wrote again: what waited for the platform's window is due now. On the turn's
   * connection; answers how many events are due again.
   */
  static int releaseHeld(Connection c, String conversationId, Instant now)
      throws SQLException {
    return Sql.update(c, "UPDATE chat_event SET outbox = 'pending', send_after = ?"
        + " WHERE conversation_id = ? AND outbox = 'window'", now, conversationId);
  }

  /** Marks the event, and tells the nurse why, in one transaction under the chat's lock. */
  private void settle(Item item, String outbox, ChatEvent.Draft alert, Instant now) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        JdbcHandoffQueue.lockConversation(c, item.conversationId());
        Sql.update(c, "UPDATE chat_event SET outbox = ? WHERE conversation_id = ? AND id = ?",
            outbox, item.conversationId(), item.eventId());
        JdbcHandoffQueue.appendEvents(c, item.conversationId(), List.of(alert), now);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw Sql.unavailable("outbox", e);
    }
    signals.publish(JdbcHandoffQueue.conversationTopic(item.conversationId()));
  }

  private int change(String sql, Object... values) {
    try (Connection c = dataSource.getConnection()) {
      return Sql.update(c, sql, values);
    } catch (SQLException e) {
      throw Sql.unavailable("outbox", e);
    }
  }
}
