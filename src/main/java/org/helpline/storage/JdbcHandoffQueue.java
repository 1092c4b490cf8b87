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
import java.util.function.Function;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.helpline.conversation.ChatMessage;
import org.helpline.conversation.ChatReply;
import org.helpline.conversation.LiveTurn;
import org.helpline.conversation.StorageUnavailableException;
import org.helpline.handoff.ChatEvent;
import org.helpline.handoff.HandoffConflictException;
import org.helpline.handoff.HandoffNotFoundException;
import org.helpline.handoff.HandoffReason;
import org.helpline.handoff.HandoffRecord;
import org.helpline.handoff.HandoffRecord.OpenHandoff;
import org.helpline.handoff.HandoffQueue;
import org.helpline.handoff.HandoffTranscript;
import org.helpline.handoff.LiveChat;
import org.helpline.handoff.NotYourHandoffException;
import org.helpline.handoff.Outbox;
import org.helpline.handoff.QueuedHandoff;
import org.helpline.handoff.UnknownConversationException;
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
      + " summary, created_at, claimed_by, claimed_at, closed_by, closed_at, outcome, mode,"
      + " chat_status, reply_by";
  private static final String OPEN_STATUSES = "status IN ('open', 'claimed')";
  /** The queue's order, most urgent first, written from {@link Urgency} once. */
  private static final String URGENCY_ORDER = Arrays.stream(Urgency.values())
      .map(u -> " WHEN '" + u.id() + "' THEN " + u.ordinal())
      .collect(Collectors.joining("", "CASE urgency", " ELSE " + Urgency.values().length
          + " END"));

  /** The most events one read of a conversation's chat returns; a stream reads again. */
  private static final int MAX_EVENTS_READ = 500;

  private final DataSource dataSource;
  private final Signals signals;

  /** A queue whose changes no other part of the application hears of (tests, tools). */
  public JdbcHandoffQueue(DataSource dataSource) {
    this(dataSource, null);
  }

  /**
   * A queue that signals every change: {@link #QUEUE_TOPIC} for the queue, and
   * {@link #conversationTopic} for a conversation's live chat.
   */
  public JdbcHandoffQueue(DataSource dataSource, Signals signals) {
    this.dataSource = dataSource;
    this.signals = signals;
  }

  /** The signal topic of any change to the queue. */
  public static final String QUEUE_TOPIC = "queue";

  /** The signal topic of a conversation's live chat events. */
  public static String conversationTopic(String conversationId) {
    return "conversation:" + conversationId;
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
    return changeEntry(id, (c, h) -> {
      int changed = Sql.update(c, "UPDATE handoff SET status = 'claimed', claimed_by = ?,"
          + " claimed_at = ?, chat_status = CASE WHEN mode IN ('chat', 'message')"
          + " AND chat_status = 'waiting' THEN 'with_nurse'"
          + " ELSE chat_status END WHERE id = ? AND status = 'open'", nurse, now, id);
      if (changed == 0 && !(QueuedHandoff.CLAIMED.equals(h.status())
          && nurse.equals(h.claimedBy()))) {
        throw new HandoffConflictException(QueuedHandoff.CLOSED.equals(h.status())
            ? "this handoff is already closed"
            : "another nurse (" + h.claimedBy() + ") has already claimed this handoff");
      }
      if (changed == 1 && LiveChat.relays(h.mode(), h.chatStatus())) {
        // A person in a messaging app hears that a nurse has joined their chat; a left
        // message's answer tells them itself.
        appendEvents(c, h.conversationId(), List.of(
            ChatEvent.status(h.mode(), LiveChat.WITH_NURSE, null)), now,
            LiveChat.CHAT.equals(h.mode()) && hasAddress(c, h.id()));
        // Everyone still waiting to chat is a place nearer: their streams recompute it.
        return LiveChat.CHAT.equals(h.mode()) ? waitingChats(c) : List.of();
      }
      return List.of();
    });
  }

  @Override
  public QueuedHandoff close(String id, String nurse, boolean anyClaimant, String outcome,
      Instant now) {
    return finish(id, nurse, anyClaimant, outcome, LiveChat.CLOSED, now);
  }

  @Override
  public QueuedHandoff giveBack(String id, String nurse, boolean admin, Instant now) {
    return finish(id, nurse, admin, "handed back to the bot", LiveChat.BACK_WITH_BOT, now);
  }

  /** Closes a claimed entry; a live chat ends with {@code chatStatus}. */
  private QueuedHandoff finish(String id, String nurse, boolean anyClaimant, String outcome,
      String chatStatus, Instant now) {
    return changeEntry(id, (c, h) -> {
      int changed = Sql.update(c, "UPDATE handoff SET status = 'closed', closed_by = ?,"
          + " closed_at = ?, outcome = ?, chat_status = CASE WHEN mode IS NOT NULL"
          + " AND chat_status <> 'left' THEN ? ELSE chat_status END WHERE id = ?"
          + " AND status = 'claimed'"
          + " AND (? OR claimed_by = ?)", nurse, now, outcome, chatStatus, id, anyClaimant,
          nurse);
      if (changed != 1) {
        throw switch (h.status()) {
          case QueuedHandoff.OPEN -> new HandoffConflictException(
              "this handoff has not been claimed yet: claim it first");
          case QueuedHandoff.CLOSED -> new HandoffConflictException(
              "this handoff is already closed");
          default -> new HandoffConflictException("only the nurse who claimed this handoff ("
              + h.claimedBy() + ") or an admin can close it");
        };
      }
      if (h.mode() != null && !LiveChat.LEFT.equals(h.chatStatus())) {
        appendEvents(c, h.conversationId(), List.of(
            ChatEvent.status(h.mode(), chatStatus, null)), now,
            LiveChat.CHAT.equals(h.mode()) && hasAddress(c, h.id()));
      }
      return List.of();
    });
  }

  @Override
  public ChatEvent sendMessage(String id, String nurse, boolean admin, String text,
      Instant now) {
    ChatEvent[] sent = new ChatEvent[1];
    changeEntry(id, (c, h) -> {
      if (!QueuedHandoff.CLAIMED.equals(h.status())) {
        throw new HandoffConflictException(QueuedHandoff.OPEN.equals(h.status())
            ? "claim this handoff before writing in it" : "this chat has ended");
      }
      if (!admin && !nurse.equals(h.claimedBy())) {
        throw new NotYourHandoffException("only the nurse who claimed this handoff ("
            + h.claimedBy() + ") or an admin can write in it");
      }
      if (!LiveChat.CHAT.equals(h.mode()) && !LiveChat.MESSAGE.equals(h.mode())) {
        throw new HandoffConflictException("the person did not ask to chat here or leave a"
            + " message: answer in the way they chose");
      }
      if (LiveChat.LEFT.equals(h.chatStatus())) {
        throw new HandoffConflictException("the person has left this chat: close it with an"
            + " outcome");
      }
      if (LiveChat.WRITING.equals(h.chatStatus())) {
        throw new HandoffConflictException("the person is still writing their message: answer"
            + " once it has arrived");
      }
      sent[0] = appendEvents(c, h.conversationId(), List.of(
          ChatEvent.message(ChatEvent.NURSE, text, now, nurse)), now, hasAddress(c, h.id()))
          .get(0);
      JdbcStaffAudit.insert(c, nurse, "chat_message", h.conversationId(),
          "handoff " + h.id() + ", event " + sent[0].id(), now);
      return List.of();
    });
    return sent[0];
  }

  /** A chat waiting unclaimed since before {@code ?}, not yet offered a message since. */
  private static final String UNCLAIMED = "h.status = 'open' AND h.mode = 'chat'"
      + " AND h.chat_status = 'waiting' AND (SELECT MAX(s.created_at) FROM chat_event s"
      + " WHERE s.conversation_id = h.conversation_id AND s.kind = 'status') < ?"
      + " AND NOT EXISTS (SELECT 1 FROM chat_event o WHERE o.conversation_id = h.conversation_id"
      + " AND o.kind = 'message' AND o.sender = 'system' AND o.id > (SELECT MAX(s2.id)"
      + " FROM chat_event s2 WHERE s2.conversation_id = h.conversation_id"
      + " AND s2.kind = 'status'))";

  @Override
  public int offerUnclaimed(Instant waitingBefore,
      Function<String, Optional<ChatEvent.Draft>> offerFor, List<String> choices,
      Instant now) {
    List<String[]> waiting = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT h.id, h.channel FROM handoff h"
            + " WHERE " + UNCLAIMED)) {
      Sql.bind(ps, waitingBefore);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          waiting.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
    } catch (SQLException e) {
      throw unavailable(e);
    }
    int offered = 0;
    for (String[] entry : waiting) {
      Optional<ChatEvent.Draft> offer = offerFor.apply(entry[1]);
      if (offer.isEmpty()) {
        continue;
      }
      boolean[] made = new boolean[1];
      try {
        changeEntry(entry[0], (c, h) -> {
          // Checked again under the conversation's lock: another instance may have offered,
          // or a nurse claimed, since the list was read.
          try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM handoff h"
              + " WHERE h.id = ? AND " + UNCLAIMED)) {
            Sql.bind(ps, h.id(), waitingBefore);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return List.of();
              }
            }
          }
          appendEvents(c, h.conversationId(), List.of(offer.get()), now,
              hasAddress(c, h.id()));
          // On SMS, a bare number picks the offered choice.
          Sql.update(c, "UPDATE conversation SET offered = ? WHERE id = ?",
              String.join(",", choices), h.conversationId());
          made[0] = true;
          return List.of();
        });
      } catch (HandoffNotFoundException e) {
        continue;
      }
      if (made[0]) {
        offered++;
      }
    }
    return offered;
  }

  @Override
  public List<ChatEvent> events(String conversationId, long after, boolean forStaff) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT channel FROM conversation WHERE id = ?")) {
        ps.setString(1, conversationId);
        try (ResultSet rs = ps.executeQuery()) {
          // A person's stream is the web chat's: a messaging app's conversation is read in
          // the app, and its id (which logs may name) opens nothing here.
          if (!rs.next() || !forStaff && !ChatMessage.WEB.equals(rs.getString(1))) {
            throw new UnknownConversationException("there is no conversation with this id");
          }
        }
      }
      List<ChatEvent> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT id, kind, body, created_at"
          + " FROM chat_event WHERE conversation_id = ? AND id > ?"
          + (forStaff ? "" : " AND kind <> 'alert'") + " ORDER BY id")) {
        ps.setString(1, conversationId);
        ps.setLong(2, after);
        ps.setMaxRows(MAX_EVENTS_READ);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new ChatEvent(rs.getLong(1), rs.getString(2), rs.getString(3),
                Sql.instant(rs, "created_at")));
          }
        }
      }
      return out;
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  @Override
  public Optional<Integer> chatPlace(String conversationId) {
    try (Connection c = dataSource.getConnection()) {
      Optional<OpenHandoff> open = openEntry(c, conversationId);
      if (open.isEmpty() || !LiveChat.CHAT.equals(open.get().mode())
          || !LiveChat.WAITING.equals(open.get().chatStatus())) {
        return Optional.empty();
      }
      OpenHandoff h = open.get();
      return Optional.of(position(c, h.id(), h.urgency(), h.createdAt()));
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  /**
   * A change to one entry and its conversation's chat, in one transaction; answers the other
   * conversations whose streams should look again (their place in the queue moved).
   */
  private interface EntryChange {
    List<String> apply(Connection c, QueuedHandoff before) throws SQLException;
  }

  /**
   * Runs a change to an entry in one transaction: the conversation row is locked first, in
   * the same order as a turn takes its locks (conversation, then entry), so a nurse's action
   * and a person's message never deadlock, and chat event ids are given one at a time. Signals
   * the queue and the conversation after the commit; answers with the entry as it is then.
   */
  private QueuedHandoff changeEntry(String id, EntryChange change) {
    QueuedHandoff after;
    List<String> moved;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        QueuedHandoff before = find(c, id).orElseThrow(() -> notFound(id));
        lockConversation(c, before.conversationId());
        QueuedHandoff locked = find(c, id).orElseThrow(() -> notFound(id));
        moved = change.apply(c, locked);
        after = find(c, id).orElseThrow(() -> notFound(id));
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw unavailable(e);
    }
    signal(after.conversationId());
    // A nurse's change may have something for a messaging app: an instance sends it.
    signalOutbox();
    signalPlaces(moved);
    return after;
  }

  /** Whether a messaging app's person of this entry can be written to. */
  private static boolean hasAddress(Connection c, String handoffId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT 1 FROM handoff WHERE id = ? AND reply_to IS NOT NULL")) {
      ps.setString(1, handoffId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Tells every instance that there is something to send to a messaging app. */
  void signalOutbox() {
    if (signals != null) {
      signals.publish(Outbox.TOPIC);
    }
  }

  /** Tells the streams of these conversations (chats waiting) to read their place again. */
  void signalPlaces(List<String> conversationIds) {
    if (signals != null) {
      conversationIds.forEach(other -> signals.publish(conversationTopic(other)));
    }
  }

  /** Tells every instance that the queue and this conversation's chat changed. */
  void signal(String conversationId) {
    if (signals != null) {
      signals.publish(conversationTopic(conversationId));
      signals.publish(QUEUE_TOPIC);
    }
  }

  static void lockConversation(Connection c, String conversationId)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id FROM conversation WHERE id = ? FOR UPDATE")) {
      ps.setString(1, conversationId);
      ps.executeQuery().close();
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
        List<ChatEvent> chat = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, kind, body, created_at"
            + " FROM chat_event WHERE conversation_id = ? AND kind = 'message' ORDER BY id")) {
          ps.setString(1, h.conversationId());
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              chat.add(new ChatEvent(rs.getLong(1), rs.getString(2), rs.getString(3),
                  Sql.instant(rs, "created_at")));
            }
          }
        }
        return new HandoffTranscript(h.id(), h.conversationId(), h.channel(), turns, chat);
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
    try (PreparedStatement ps = c.prepareStatement("SELECT id, urgency, summary, created_at,"
        + " mode, chat_status, reply_by, status FROM handoff WHERE conversation_id = ? AND "
        + OPEN_STATUSES + " ORDER BY created_at")) {
      ps.setString(1, conversationId);
      ps.setMaxRows(1);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new OpenHandoff(rs.getString(1),
            urgency(rs.getString(2)), rs.getString(3), Sql.instant(rs, "created_at"),
            rs.getString(5), rs.getString(6), Sql.instant(rs, "reply_by"),
            QueuedHandoff.CLAIMED.equals(rs.getString(8)))) : Optional.empty();
      }
    }
  }

  /**
   * Queues a turn's new entry, on the turn's connection, with the mode the person chose (a
   * chat, a message) if the turn chose one.
   */
  void open(Connection c, String conversationId, int seq, String channel, HandoffRecord record,
      LiveTurn live, String replyTo, Instant now) throws SQLException {
    Sql.update(c, "INSERT INTO handoff (id, conversation_id, seq, channel, reason, urgency,"
        + " status, summary, created_at, mode, chat_status, reply_by, reply_to)"
        + " VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(), conversationId, seq, channel, record.reason().id(),
        record.urgency().id(), record.summary(), now, live.mode(), live.status(),
        live.replyBy(), live.changesEntry() ? replyTo : null);
  }

  /**
   * The person chose how to reach the nurses (a chat, a message): on the turn's connection.
   * A messaging app's address for them is kept with it, so a nurse can write to them.
   */
  void changeMode(Connection c, String handoffId, LiveTurn live, String replyTo)
      throws SQLException {
    Sql.update(c, "UPDATE handoff SET mode = ?, chat_status = ?, reply_by = ?,"
        + " reply_to = COALESCE(?, reply_to) WHERE id = ?",
        live.mode(), live.status(), live.replyBy(), replyTo, handoffId);
  }

  /**
   * The place in the queue of a chat waiting with this urgency since {@code since}: 1 plus
   * the chats waiting before it in the queue's order (more urgent, or as urgent and older).
   */
  static int position(Connection c, String handoffId, Urgency urgency, Instant since)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM handoff"
        + " WHERE mode = 'chat' AND chat_status = 'waiting' AND status = 'open' AND id <> ?"
        + " AND (" + URGENCY_ORDER + " < ? OR (" + URGENCY_ORDER + " = ? AND created_at <= ?))")) {
      Sql.bind(ps, handoffId == null ? "" : handoffId, urgency.ordinal(), urgency.ordinal(),
          since);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1) + 1;
      }
    }
  }

  /** The conversations of the chats waiting for a nurse. */
  static List<String> waitingChats(Connection c) throws SQLException {
    List<String> waiting = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT conversation_id FROM handoff"
        + " WHERE mode = 'chat' AND chat_status = 'waiting' AND status = 'open'")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          waiting.add(rs.getString(1));
        }
      }
    }
    return waiting;
  }

  /**
   * Appends events to a conversation's live chat, on a connection that holds the
   * conversation's row lock (so ids are given one at a time), and answers them as stored.
   */
  static List<ChatEvent> appendEvents(Connection c, String conversationId,
      List<ChatEvent.Draft> drafts, Instant now) throws SQLException {
    return appendEvents(c, conversationId, drafts, now, false);
  }

  /**
   * Appends events, as above; {@code send} puts them in the outbox too, for the person's
   * messaging app ({@link JdbcOutbox}).
   */
  static List<ChatEvent> appendEvents(Connection c, String conversationId,
      List<ChatEvent.Draft> drafts, Instant now, boolean send) throws SQLException {
    if (drafts.isEmpty()) {
      return List.of();
    }
    long last;
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT COALESCE(MAX(id), 0) FROM chat_event WHERE conversation_id = ?")) {
      ps.setString(1, conversationId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        last = rs.getLong(1);
      }
    }
    List<ChatEvent> stored = new ArrayList<>();
    for (ChatEvent.Draft d : drafts) {
      last++;
      Sql.update(c, "INSERT INTO chat_event (conversation_id, id, kind, sender, staff_name,"
          + " body, created_at, outbox, send_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          conversationId, last, d.kind(), d.from(), d.staffName(), d.data(), now,
          send ? JdbcOutbox.PENDING : null, send ? now : null);
      stored.add(new ChatEvent(last, d.kind(), d.data(), now));
    }
    return stored;
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
        Sql.instant(rs, "closed_at"), rs.getString("outcome"), rs.getString("mode"),
        rs.getString("chat_status"), Sql.instant(rs, "reply_by"));
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
