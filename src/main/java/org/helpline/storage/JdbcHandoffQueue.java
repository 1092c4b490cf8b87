package org.helpline.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.helpline.conversation.ChatReply;
import org.helpline.conversation.StorageUnavailableException;
import org.helpline.handoff.HandoffConflictException;
import org.helpline.handoff.HandoffNotFoundException;
import org.helpline.handoff.HandoffReason;
import org.helpline.handoff.HandoffRecord;
import org.helpline.handoff.HandoffRecord.OpenHandoff;
import org.helpline.handoff.HandoffQueue;
import org.helpline.handoff.HandoffTranscript;
import org.helpline.handoff.QueuedHandoff;
import org.helpline.handoff.Urgency;

/**
 * The nurses' queue in the {@code handoff} table (same SQL on H2 and PostgreSQL).
 *
 * <p>Claims are conditional updates ({@code ... WHERE status = 'open'}): the database lets
 * exactly one of two concurrent claims change the row, and the loser sees who has it. Once an
 * entry is closed, the conversation's next turn finds no open entry ({@link #openEntry}) and
 * the bot answers normally again.
 *
 * <p>The only code that touches the {@code handoff} table. A turn's entry is written by the
 * package-private methods that take the turn's connection, inside its transaction.
 */
public final class JdbcHandoffQueue implements HandoffQueue {

  private static final String COLUMNS = "id, conversation_id, channel, reason, urgency, status,"
      + " summary, created_at, claimed_by, claimed_at, closed_by, closed_at, outcome";
  private static final String OPEN_STATUSES = "status IN ('open', 'claimed')";
  /** The queue's order, most urgent first, written from {@link Urgency} once. */
  private static final String URGENCY_ORDER = Arrays.stream(Urgency.values())
      .map(u -> " WHEN '" + u.id() + "' THEN " + u.ordinal())
      .collect(Collectors.joining("", "CASE urgency", " ELSE " + Urgency.values().length
          + " END"));

  private final DataSource dataSource;

  public JdbcHandoffQueue(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public List<QueuedHandoff> list(Set<String> statuses) {
    if (statuses.isEmpty()) {
      return List.of();
    }
    List<String> wanted = new ArrayList<>(new TreeSet<>(statuses));
    String marks = String.join(", ", Collections.nCopies(wanted.size(), "?"));
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM handoff"
            + " WHERE status IN (" + marks + ") ORDER BY " + URGENCY_ORDER
            + ", created_at, id")) {
      for (int i = 0; i < wanted.size(); i++) {
        ps.setString(i + 1, wanted.get(i));
      }
      List<QueuedHandoff> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(handoff(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  @Override
  public Optional<QueuedHandoff> find(String id) {
    try (Connection c = dataSource.getConnection()) {
      return find(c, id);
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  @Override
  public QueuedHandoff claim(String id, String nurse, Instant now) {
    try (Connection c = dataSource.getConnection()) {
      int changed = Sql.update(c, "UPDATE handoff SET status = 'claimed', claimed_by = ?,"
          + " claimed_at = ? WHERE id = ? AND status = 'open'", nurse, now, id);
      QueuedHandoff h = find(c, id).orElseThrow(() -> notFound(id));
      if (changed == 1 || (QueuedHandoff.CLAIMED.equals(h.status())
          && nurse.equals(h.claimedBy()))) {
        return h;
      }
      throw new HandoffConflictException(QueuedHandoff.CLOSED.equals(h.status())
          ? "this handoff is already closed"
          : "another nurse (" + h.claimedBy() + ") has already claimed this handoff");
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  @Override
  public QueuedHandoff close(String id, String nurse, boolean anyClaimant, String outcome,
      Instant now) {
    try (Connection c = dataSource.getConnection()) {
      int changed = Sql.update(c, "UPDATE handoff SET status = 'closed', closed_by = ?,"
          + " closed_at = ?, outcome = ? WHERE id = ? AND status = 'claimed'"
          + " AND (? OR claimed_by = ?)", nurse, now, outcome, id, anyClaimant, nurse);
      QueuedHandoff h = find(c, id).orElseThrow(() -> notFound(id));
      if (changed != 1) {
        throw new HandoffConflictException(switch (h.status()) {
          case QueuedHandoff.OPEN -> "this handoff has not been claimed yet: claim it first";
          case QueuedHandoff.CLOSED -> "this handoff is already closed";
          default -> "only the nurse who claimed this handoff (" + h.claimedBy()
              + ") or an admin can close it";
        });
      }
      return h;
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  @Override
  public HandoffTranscript readTranscript(String id, String reader, Instant now) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        QueuedHandoff h = find(c, id).orElseThrow(() -> notFound(id));
        List<HandoffTranscript.Entry> turns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, created_at, user_text,"
            + " action, intent, confidence, reply_json FROM turn WHERE conversation_id = ?"
            + " ORDER BY seq")) {
          ps.setString(1, h.conversationId());
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              double confidence = rs.getDouble("confidence");
              turns.add(new HandoffTranscript.Entry(rs.getInt("seq"),
                  Sql.instant(rs, "created_at"), rs.getString("user_text"),
                  rs.getString("action"), rs.getString("intent"), rs.wasNull() ? null : confidence,
                  botTexts(rs.getString("reply_json"))));
            }
          }
        }
        JdbcStaffAudit.insert(c, reader, "read_transcript", h.conversationId(),
            "handoff " + h.id(), now);
        c.commit();
        return new HandoffTranscript(h.id(), h.conversationId(), h.channel(), turns);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  /** The entry a conversation has open or claimed, if any (the oldest, should there be two). */
  Optional<OpenHandoff> openEntry(Connection c, String conversationId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id, urgency, summary FROM handoff"
        + " WHERE conversation_id = ? AND " + OPEN_STATUSES + " ORDER BY created_at")) {
      ps.setString(1, conversationId);
      ps.setMaxRows(1);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new OpenHandoff(rs.getString(1),
            urgency(rs.getString(2)), rs.getString(3))) : Optional.empty();
      }
    }
  }

  /** Queues a turn's new entry, on the turn's connection. */
  void open(Connection c, String conversationId, int seq, String channel, HandoffRecord record,
      Instant now) throws SQLException {
    Sql.update(c, "INSERT INTO handoff (id, conversation_id, seq, channel, reason, urgency,"
        + " status, summary, created_at) VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?)",
        UUID.randomUUID().toString(), conversationId, seq, channel, record.reason().id(),
        record.urgency().id(), record.summary(), now);
  }

  /** Writes an open entry that a turn's record joined, on the turn's connection. */
  void update(Connection c, OpenHandoff joined) throws SQLException {
    Sql.update(c, "UPDATE handoff SET urgency = ?, summary = ? WHERE id = ?",
        joined.urgency().id(), joined.summary(), joined.id());
  }

  /** Deletes entries created before a time, on the caller's connection. */
  static int deleteOlderThan(Connection c, Instant before) throws SQLException {
    return Sql.update(c, "DELETE FROM handoff WHERE created_at < ?", before);
  }

  private Optional<QueuedHandoff> find(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
        + " FROM handoff WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(handoff(rs)) : Optional.empty();
      }
    }
  }

  private static List<String> botTexts(String replyJson) {
    return StoredReplies.read(replyJson).replies().stream().map(ChatReply.Message::text)
        .toList();
  }

  private static QueuedHandoff handoff(ResultSet rs) throws SQLException {
    return new QueuedHandoff(rs.getString("id"), rs.getString("conversation_id"),
        rs.getString("channel"), reason(rs.getString("reason")),
        urgency(rs.getString("urgency")),
        rs.getString("status"), rs.getString("summary"), Sql.instant(rs, "created_at"),
        rs.getString("claimed_by"), Sql.instant(rs, "claimed_at"), rs.getString("closed_by"),
        Sql.instant(rs, "closed_at"), rs.getString("outcome"));
  }

  /** A stored urgency; one this version does not know counts as routine. */
  private static Urgency urgency(String id) {
    return Urgency.of(id).orElse(Urgency.ROUTINE);
  }

  /** A stored reason; only this code writes them, so an unknown one is a broken row. */
  private static HandoffReason reason(String id) {
    return HandoffReason.of(id).orElseThrow(() -> new IllegalStateException(
        "a handoff row has an unknown reason '" + id + "'"));
  }

  private static HandoffNotFoundException notFound(String id) {
    return new HandoffNotFoundException("there is no handoff with id '"
        + (id.length() > 40 ? id.substring(0, 40) + "…" : id) + "'");
  }

  private static StorageUnavailableException unavailable(SQLException e) {
    return Sql.unavailable("handoff queue", e);
  }
}
