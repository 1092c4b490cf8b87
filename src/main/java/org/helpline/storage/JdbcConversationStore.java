package org.helpline.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.helpline.conversation.ChatOutcome;
import org.helpline.conversation.ChatReply;
import org.helpline.conversation.ConversationStore;
import org.helpline.conversation.HandoffRecord;
import org.helpline.conversation.RecordedTurn;
import org.helpline.conversation.StorageUnavailableException;
import org.helpline.dialog.ConversationState;
import org.helpline.handoff.QueuedHandoff;

/**
 * Conversations in a relational database through plain JDBC (schema: Flyway migrations in
 * {@code db/migration}, the same SQL on H2 and PostgreSQL).
 *
 * <p>Ordering: a turn locks its conversation row ({@code SELECT ... FOR UPDATE}) for the whole
 * transaction, so two instances serve one conversation's turns one after another.
 * Idempotency: a turn with a message key first inserts that key; a concurrent or later
 * duplicate fails on the primary key and is answered with the stored reply of the first.
 */
public final class JdbcConversationStore implements ConversationStore {

  private static final int ATTEMPTS = 5;
  private static final long REPLAY_WAIT_MILLIS = 10_000;

  private final DataSource dataSource;

  public JdbcConversationStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Optional<ConversationState> find(String conversationId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT topic, misunderstandings,"
            + " handoff_offered, last_activity FROM conversation WHERE id = ?")) {
      ps.setString(1, conversationId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(state(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  @Override
  public Optional<ChatReply> lastReply(String conversationId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT reply_json FROM turn"
            + " WHERE conversation_id = ? ORDER BY seq DESC")) {
      ps.setString(1, conversationId);
      ps.setMaxRows(1);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(fromJson(rs.getString(1))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  @Override
  public Optional<String> latestForSender(String senderKey) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT id FROM conversation"
            + " WHERE sender_key = ? ORDER BY last_activity DESC")) {
      ps.setString(1, senderKey);
      ps.setMaxRows(1);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  @Override
  public void recordDeliveryFailure(String channel, String conversationId, int seq,
      String reason, Instant now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO delivery_failure (id, channel,"
            + " conversation_id, seq, reason, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, UUID.randomUUID().toString());
      ps.setString(2, channel);
      ps.setString(3, conversationId);
      ps.setInt(4, seq);
      ps.setString(5, reason.length() > 500 ? reason.substring(0, 500) : reason);
      ps.setObject(6, time(now));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  @Override
  public ChatOutcome applyTurn(String conversationId, String messageKey, String senderKey,
      String channel, Instant now, TurnFunction turn) {
    SQLException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        try {
          if (messageKey != null && !claim(c, messageKey, now)) {
            c.rollback();
            return replay(messageKey);
          }
          ChatOutcome outcome = write(c, conversationId, messageKey, senderKey, channel, now,
              turn);
          c.commit();
          return outcome;
        } catch (SQLException e) {
          c.rollback();
          if (messageKey != null && isDuplicateKey(e)) {
            return replay(messageKey);
          }
          if (!isTransient(e)) {
            throw e;
          }
          last = e;
        }
      } catch (SQLException e) {
        throw unavailable(e);
      }
    }
    throw unavailable(last);
  }

  private boolean claim(Connection c, String messageKey, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO processed_message"
        + " (message_key, created_at) VALUES (?, ?)")) {
      ps.setString(1, messageKey);
      ps.setObject(2, time(now));
      ps.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (isDuplicateKey(e)) {
        return false;
      }
      throw e;
    }
  }

  private ChatOutcome write(Connection c, String conversationId, String messageKey,
      String senderKey, String channel, Instant now, TurnFunction turn) throws SQLException {
    Optional<ConversationState> current = Optional.empty();
    int turns = 0;
    try (PreparedStatement ps = c.prepareStatement("SELECT topic, misunderstandings,"
        + " handoff_offered, last_activity, turn_count FROM conversation WHERE id = ? FOR UPDATE")) {
      ps.setString(1, conversationId);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          current = Optional.of(state(rs));
          turns = rs.getInt("turn_count");
        }
      }
    }
    if (current.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO conversation (id, channel,"
          + " topic, misunderstandings, handoff_offered, turn_count, created_at, last_activity,"
          + " sender_key) VALUES (?, ?, NULL, 0, FALSE, 0, ?, ?, ?)")) {
        ps.setString(1, conversationId);
        ps.setString(2, channel);
        ps.setObject(3, time(now));
        ps.setObject(4, time(now));
        ps.setString(5, senderKey);
        ps.executeUpdate();
      }
    }
    RecordedTurn recorded = turn.decide(current);
    int seq = turns + 1;
    ChatReply reply = recorded.reply();
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO turn (conversation_id, seq,"
        + " message_key, created_at, channel, user_text, action, intent, confidence,"
        + " content_version, reply_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, conversationId);
      ps.setInt(2, seq);
      ps.setString(3, messageKey);
      ps.setObject(4, time(now));
      ps.setString(5, channel);
      ps.setString(6, recorded.redactedText());
      ps.setString(7, reply.action());
      ps.setString(8, reply.intent());
      if (reply.confidence() == null) {
        ps.setNull(9, Types.DOUBLE);
      } else {
        ps.setDouble(9, reply.confidence());
      }
      ps.setString(10, recorded.contentVersion());
      ps.setString(11, toJson(reply));
      ps.executeUpdate();
    }
    ConversationState state = recorded.state();
    try (PreparedStatement ps = c.prepareStatement("UPDATE conversation SET topic = ?,"
        + " misunderstandings = ?, handoff_offered = ?, turn_count = ?, last_activity = ?"
        + " WHERE id = ?")) {
      ps.setString(1, state.topic());
      ps.setInt(2, state.misunderstandings());
      ps.setBoolean(3, state.handoffOffered());
      ps.setInt(4, seq);
      ps.setObject(5, time(now));
      ps.setString(6, conversationId);
      ps.executeUpdate();
    }
    if (recorded.handoff().isPresent() && !joinOpenHandoff(c, conversationId,
        recorded.handoff().get())) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO handoff (id, conversation_id,"
          + " seq, channel, reason, urgency, status, summary, created_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?)")) {
        ps.setString(1, UUID.randomUUID().toString());
        ps.setString(2, conversationId);
        ps.setInt(3, seq);
        ps.setString(4, channel);
        ps.setString(5, recorded.handoff().get().reason());
        ps.setString(6, recorded.handoff().get().urgency());
        ps.setString(7, withIntentsDiscussed(c, conversationId,
            recorded.handoff().get().summary()));
        ps.setObject(8, time(now));
        ps.executeUpdate();
      }
    }
    if (messageKey != null) {
      try (PreparedStatement ps = c.prepareStatement("UPDATE processed_message SET"
          + " conversation_id = ?, seq = ? WHERE message_key = ?")) {
        ps.setString(1, conversationId);
        ps.setInt(2, seq);
        ps.setString(3, messageKey);
        ps.executeUpdate();
      }
    }
    return ChatOutcome.taken(conversationId, seq, reply, recorded.contentVersion());
  }

  /**
   * A conversation has at most one open (or claimed) handoff. A later record for it, such as an
   * emergency said while the nurses have it, raises that handoff's urgency and adds to its
   * summary, so it moves up the queue instead of appearing twice.
   *
   * @return true when an open handoff took the record
   */
  private static boolean joinOpenHandoff(Connection c, String conversationId,
      HandoffRecord record) throws SQLException {
    String id;
    String urgency;
    String summary;
    try (PreparedStatement ps = c.prepareStatement("SELECT id, urgency, summary FROM handoff"
        + " WHERE conversation_id = ? AND status IN ('open', 'claimed') ORDER BY created_at")) {
      ps.setString(1, conversationId);
      ps.setMaxRows(1);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return false;
        }
        id = rs.getString(1);
        urgency = rs.getString(2);
        summary = rs.getString(3);
      }
    }
    String joined = (summary == null ? "" : summary + "; ") + "later: " + record.summary();
    try (PreparedStatement ps = c.prepareStatement("UPDATE handoff SET urgency = ?,"
        + " summary = ? WHERE id = ?")) {
      ps.setString(1, QueuedHandoff.moreUrgent(urgency, record.urgency()));
      ps.setString(2, joined.length() > 1000 ? joined.substring(0, 999) + "…" : joined);
      ps.setString(3, id);
      ps.executeUpdate();
    }
    return true;
  }

  /** The summary for the nurses, with every intent the conversation touched (ids only). */
  private static String withIntentsDiscussed(Connection c, String conversationId,
      String summary) throws SQLException {
    java.util.List<String> intents = new java.util.ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT intent FROM turn"
        + " WHERE conversation_id = ? AND intent IS NOT NULL ORDER BY intent")) {
      ps.setString(1, conversationId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          intents.add(rs.getString(1));
        }
      }
    }
    String all = (summary == null ? "" : summary)
        + (intents.isEmpty() ? "" : "; intents discussed: " + String.join(", ", intents));
    return all.length() > 1000 ? all.substring(0, 999) + "…" : all;
  }

  /** The stored reply to a message key, waiting while a concurrent first delivery commits. */
  private ChatOutcome replay(String messageKey) {
    long deadline = System.currentTimeMillis() + REPLAY_WAIT_MILLIS;
    while (true) {
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps = c.prepareStatement("SELECT t.conversation_id, t.seq,"
              + " t.reply_json, t.content_version FROM processed_message p JOIN turn t"
              + " ON t.conversation_id = p.conversation_id AND t.seq = p.seq"
              + " WHERE p.message_key = ?")) {
        ps.setString(1, messageKey);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return new ChatOutcome(rs.getString(1), rs.getInt(2),
                fromJson(rs.getString(3)), rs.getString(4), true);
          }
        }
      } catch (SQLException e) {
        throw unavailable(e);
      }
      if (System.currentTimeMillis() > deadline) {
        throw new StorageUnavailableException("the first delivery of this message has not"
            + " finished", null);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StorageUnavailableException("interrupted while waiting for a replay", e);
      }
    }
  }

  @Override
  public int deleteOlderThan(Instant transcriptsBefore, Instant handoffsBefore) {
    try (Connection c = dataSource.getConnection()) {
      int deleted = 0;
      deleted += delete(c, "DELETE FROM turn WHERE created_at < ?", transcriptsBefore);
      deleted += delete(c, "DELETE FROM processed_message WHERE created_at < ?",
          transcriptsBefore);
      deleted += delete(c, "DELETE FROM conversation WHERE last_activity < ?",
          transcriptsBefore);
      deleted += delete(c, "DELETE FROM delivery_failure WHERE created_at < ?",
          transcriptsBefore);
      // Ratings point at turns and may carry a comment: they go with the transcripts.
      deleted += delete(c, "DELETE FROM feedback WHERE created_at < ?", transcriptsBefore);
      deleted += delete(c, "DELETE FROM handoff WHERE created_at < ?", handoffsBefore);
      return deleted;
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  private static int delete(Connection c, String sql, Instant before) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, time(before));
      return ps.executeUpdate();
    }
  }

  private static ConversationState state(ResultSet rs) throws SQLException {
    return new ConversationState(rs.getString("topic"), rs.getInt("misunderstandings"),
        rs.getBoolean("handoff_offered"),
        rs.getObject("last_activity", OffsetDateTime.class).toInstant());
  }

  private static OffsetDateTime time(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  // The stored form and its JSON belong to StoredReplies, shared with the handoff queue.
  private static String toJson(ChatReply reply) {
    return StoredReplies.write(reply);
  }

  private static ChatReply fromJson(String text) {
    return StoredReplies.read(text);
  }

  /** Unique-key violation: SQLState 23505 on both H2 and PostgreSQL. */
  private static boolean isDuplicateKey(SQLException e) {
    return "23505".equals(e.getSQLState());
  }

  /** Deadlock, serialization failure or lock timeout: worth another attempt. */
  private static boolean isTransient(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.equals("40001") || state.equals("40P01")
        || state.startsWith("HYT") || state.equals("55P03"));
  }

  private static StorageUnavailableException unavailable(SQLException e) {
    return new StorageUnavailableException("conversation storage failed"
        + (e == null ? "" : " (SQLState " + e.getSQLState() + ")"), e);
  }
}
