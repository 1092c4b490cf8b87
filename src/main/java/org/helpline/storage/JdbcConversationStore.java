package org.helpline.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.helpline.conversation.ChatOutcome;
import org.helpline.conversation.ChatReply;
import org.helpline.conversation.ConversationStore;
import org.helpline.conversation.DuplicateMessageException;
import org.helpline.conversation.LiveTurn;
import org.helpline.conversation.RecordedTurn;
import org.helpline.conversation.StorageConflictException;
import org.helpline.conversation.StorageUnavailableException;
import org.helpline.dialog.ConversationState;
import org.helpline.handoff.HandoffRecord;
import org.helpline.handoff.HandoffRecord.OpenHandoff;
import org.helpline.handoff.LiveChat;
import org.helpline.handoff.Urgency;

/**
 * Conversations in a relational database through plain JDBC (schema: Flyway migrations in
 * {@code db/migration}, the same SQL on H2 and PostgreSQL).
 *
 * <p>A turn is one transaction: {@link #begin} reads the conversation once and locks its row
 * ({@code SELECT ... FOR UPDATE}) until the commit, so two instances serve one conversation's
 * turns one after another. Idempotency: the commit first inserts the message key; a
 * concurrent or later duplicate fails on the primary key, the whole turn is rolled back and
 * answered with the stored reply of the first. The nurses' queue entry a turn gives is written
 * by {@link JdbcHandoffQueue}, the only owner of that table, on the turn's connection.
 */
public final class JdbcConversationStore implements ConversationStore {

  private static final long REPLAY_WAIT_MILLIS = 10_000;
  /**
   * The conversation row as a turn reads it, with the number of its last stored turn counted
   * from the turns themselves rather than the row's {@code turn_count}. After a crash the
   * embedded database can come back with a transaction torn across its tables when a
   * background write caught it while it committed: the conversation row updated, its turn not
   * stored (a turn that was never acknowledged). Numbering from the row would leave a gap; the
   * turns themselves never do. One statement still: the count is a subquery on the turn
   * table's primary key.
   */
  private static final String STATE = "id, topic, misunderstandings, handoff_offered,"
      + " last_activity, offered, (SELECT MAX(t.seq) FROM turn t"
      + " WHERE t.conversation_id = conversation.id) AS last_seq";

  private final DataSource dataSource;
  private final JdbcHandoffQueue queue;

  public JdbcConversationStore(DataSource dataSource) {
    this(dataSource, new JdbcHandoffQueue(dataSource));
  }

  public JdbcConversationStore(DataSource dataSource, JdbcHandoffQueue queue) {
    this.dataSource = dataSource;
    this.queue = queue;
  }

  @Override
  public Optional<ConversationState> find(String conversationId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT " + STATE
            + " FROM conversation WHERE id = ?")) {
      ps.setString(1, conversationId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? read(c, rs).conversation().map(StoredConversation::state)
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  @Override
  public void recordDeliveryFailure(String channel, String conversationId, int seq,
      String reason, Instant now) {
    try (Connection c = dataSource.getConnection()) {
      Sql.update(c, "INSERT INTO delivery_failure (id, channel, conversation_id, seq, reason,"
          + " created_at) VALUES (?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), channel,
          conversationId, seq, reason.length() > 500 ? reason.substring(0, 500) : reason, now);
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  @Override
  public TurnTransaction begin(String conversationId, String senderKey) {
    Connection c = null;
    try {
      c = dataSource.getConnection();
      c.setAutoCommit(false);
      Found found = Found.NONE;
      if (conversationId != null || senderKey != null) {
        try (PreparedStatement ps = c.prepareStatement(conversationId != null
            ? "SELECT " + STATE + " FROM conversation WHERE id = ? FOR UPDATE"
            : "SELECT " + STATE + " FROM conversation WHERE sender_key = ?"
                + " ORDER BY last_activity DESC FETCH FIRST 1 ROWS ONLY FOR UPDATE")) {
          ps.setString(1, conversationId != null ? conversationId : senderKey);
          try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              found = read(c, rs);
            }
          }
        }
      }
      return new JdbcTurn(c, found);
    } catch (SQLException e) {
      closeQuietly(c);
      throw failed(e);
    } catch (RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }

  /**
   * A conversation row as a turn reads it. The row says whether the queue had the
   * conversation; the queue says whether it still has it (a nurse may have closed the entry
   * since), so only then is the queue asked.
   */
  private Found read(Connection c, ResultSet rs) throws SQLException {
    String id = rs.getString("id");
    Optional<OpenHandoff> open = rs.getBoolean("handoff_offered")
        ? queue.openEntry(c, id) : Optional.empty();
    String offered = rs.getString("offered");
    ConversationState state = new ConversationState(rs.getString("topic"),
        rs.getInt("misunderstandings"), open.isPresent(),
        Sql.instant(rs, "last_activity"),
        offered == null || offered.isEmpty() ? List.of() : List.of(offered.split(",")));
    return new Found(Optional.of(new StoredConversation(id, state, open)),
        rs.getInt("last_seq"), open);
  }

  /** What a turn found: the conversation, its number of turns and its open queue entry. */
  private record Found(Optional<StoredConversation> conversation, int turns,
      Optional<OpenHandoff> open) {
    static final Found NONE = new Found(Optional.empty(), 0, Optional.empty());
  }

  /** One turn's transaction on one connection. */
  private final class JdbcTurn implements TurnTransaction {

    private final Connection c;
    private final Found found;
    private boolean committed;

    JdbcTurn(Connection c, Found found) {
      this.c = c;
      this.found = found;
    }

    @Override
    public Optional<StoredConversation> conversation() {
      return found.conversation();
    }

    @Override
    public int chatPosition(String handoffId, Urgency urgency, Instant since) {
      try {
        return JdbcHandoffQueue.position(c, handoffId, urgency, since);
      } catch (SQLException e) {
        throw failed(e);
      }
    }

    @Override
    public ChatOutcome commit(RecordedTurn turn) {
      int seq = turn.fresh() ? 1 : found.turns() + 1;
      try {
        if (turn.messageKey() != null && !claim(c, turn.messageKey(), turn.conversationId(),
            seq, turn.at())) {
          c.rollback();
          throw new DuplicateMessageException();
        }
        insertTurn(c, turn, seq);
        writeConversation(c, turn, seq);
        Optional<OpenHandoff> open = turn.fresh() ? Optional.empty() : found.open();
        LiveTurn live = turn.live();
        if (turn.referral().isPresent()) {
          HandoffRecord record = turn.referral().get();
          if (open.isPresent()) {
            queue.update(c, record.joinedTo(open.get()));
          } else {
            queue.open(c, turn.conversationId(), seq, turn.channel(),
                record.withIntentsDiscussed(intentsDiscussed(c, turn.conversationId())),
                live, turn.replyTo(), turn.at());
          }
        }
        List<String> moved = List.of();
        if (live.changesEntry() && open.isPresent()) {
          queue.changeMode(c, open.get().id(), live, turn.replyTo());
          if (LiveChat.WAITING.equals(open.get().chatStatus())
              && !LiveChat.WAITING.equals(live.status())) {
            // They left the queue: everyone waiting after them is a place nearer.
            moved = JdbcHandoffQueue.waitingChats(c);
          }
        }
        JdbcHandoffQueue.appendEvents(c, turn.conversationId(), live.events(), turn.at());
        // The person wrote again in their app: what a nurse wrote after the platform's window
        // closed can be sent now, even when this message starts a new conversation (the
        // nurse closed the old one, which then went idle): the old one is this sender's last.
        String earlier = turn.fresh()
            ? found.conversation().map(StoredConversation::id).orElse(null)
            : turn.conversationId();
        boolean released = earlier != null && turn.replyTo() != null
            && JdbcOutbox.releaseHeld(c, earlier, turn.at()) > 0;
        c.commit();
        committed = true;
        // Closed here, not in close(): closing waits until the commit is in the database
        // file (GroupCommitDataSource), and a failure must reach the caller before the turn
        // is acknowledged.
        c.close();
        if (live.changesChat() || turn.referral().isPresent()) {
          queue.signal(turn.conversationId());
        }
        queue.signalPlaces(moved);
        if (released) {
          queue.signalOutbox();
        }
        return ChatOutcome.taken(turn.conversationId(), seq, turn.reply(),
            turn.contentVersion());
      } catch (SQLException e) {
        if (turn.messageKey() != null && isDuplicateKey(e)) {
          rollbackQuietly(c);
          throw new DuplicateMessageException();
        }
        throw failed(e);
      }
    }

    @Override
    public void close() {
      if (!committed) {
        rollbackQuietly(c);
      }
      closeQuietly(c);
    }
  }

  /** Claims a message key for this turn; false when it was processed already. */
  private static boolean claim(Connection c, String messageKey, String conversationId, int seq,
      Instant now) throws SQLException {
    try {
      Sql.update(c, "INSERT INTO processed_message (message_key, conversation_id, seq,"
          + " created_at) VALUES (?, ?, ?, ?)", messageKey, conversationId, seq, now);
      return true;
    } catch (SQLException e) {
      if (isDuplicateKey(e)) {
        return false;
      }
      throw e;
    }
  }

  private static void insertTurn(Connection c, RecordedTurn turn, int seq) throws SQLException {
    ChatReply reply = turn.reply();
    Sql.update(c, "INSERT INTO turn (conversation_id, seq, message_key, created_at, channel,"
        + " user_text, action, intent, confidence, content_version, reply_json)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", turn.conversationId(), seq,
        turn.messageKey(), turn.at(), turn.channel(), turn.transcriptText(), reply.action(),
        reply.intent(), reply.confidence(), turn.contentVersion(), toJson(reply));
  }

  /**
   * Writes the conversation row: inserted with the first turn, updated with every later one.
   * Both statements start with the same six columns.
   */
  private static void writeConversation(Connection c, RecordedTurn turn, int seq)
      throws SQLException {
    String sql = turn.fresh()
        ? "INSERT INTO conversation (topic, misunderstandings, handoff_offered, last_activity,"
            + " offered, turn_count, id, channel, created_at, sender_key)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        : "UPDATE conversation SET topic = ?, misunderstandings = ?, handoff_offered = ?,"
            + " last_activity = ?, offered = ?, turn_count = ? WHERE id = ?";
    ConversationState state = turn.state();
    Object[] shared = {state.topic(), state.misunderstandings(), state.handoffOffered(),
        turn.at(), String.join(",", state.offered()), seq, turn.conversationId()};
    Sql.update(c, sql, turn.fresh() ? concat(shared, turn.channel(), turn.at(),
        turn.senderKey()) : shared);
  }

  private static Object[] concat(Object[] first, Object... more) {
    Object[] all = Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }

  /** Every intent the conversation touched, this turn's included (ids only). */
  private static List<String> intentsDiscussed(Connection c, String conversationId)
      throws SQLException {
    List<String> intents = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT intent FROM turn"
        + " WHERE conversation_id = ? AND intent IS NOT NULL ORDER BY intent")) {
      ps.setString(1, conversationId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          intents.add(rs.getString(1));
        }
      }
    }
    return intents;
  }

  /** The stored reply to a message key, waiting while a concurrent first delivery commits. */
  @Override
  public ChatOutcome replay(String messageKey) {
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
      // A live chat is part of the transcript.
      deleted += delete(c, "DELETE FROM chat_event WHERE created_at < ?", transcriptsBefore);
      // Ratings point at turns and may carry a comment: they go with the transcripts.
      deleted += delete(c, "DELETE FROM feedback WHERE created_at < ?", transcriptsBefore);
      deleted += JdbcHandoffQueue.deleteOlderThan(c, handoffsBefore);
      return deleted;
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  private static int delete(Connection c, String sql, Instant before) throws SQLException {
    return Sql.update(c, sql, before);
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

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException e) {
      // The connection is broken; closing it ends the transaction anyway.
    }
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        // Nothing more to release.
      }
    }
  }

  /** A failure: one worth another attempt, or storage unavailable. */
  private static StorageUnavailableException failed(SQLException e) {
    return isTransient(e) ? new StorageConflictException("the database asked for the turn to"
        + " be tried again (SQLState " + e.getSQLState() + ")", e) : unavailable(e);
  }

  /** Deadlock, serialization failure or lock timeout: worth another attempt. */
  private static boolean isTransient(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.equals("40001") || state.equals("40P01")
        || state.startsWith("HYT") || state.equals("55P03"));
  }

  private static StorageUnavailableException unavailable(SQLException e) {
    return Sql.unavailable("conversation", e);
  }
}
