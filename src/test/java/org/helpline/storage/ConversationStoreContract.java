package org.helpline.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.helpline.conversation.BotHolder;
import org.helpline.conversation.ChatMessage;
import org.helpline.conversation.ChatOutcome;
import org.helpline.conversation.ConversationService;
import org.helpline.conversation.SenderKeys;
import org.helpline.support.RealBot;
import org.junit.jupiter.api.Test;

/**
 * What every conversation store must do, run against real databases by the subclasses: the
 * real bot and the real conversation service on top of a JDBC store.
 */
abstract class ConversationStoreContract {

  /** A migrated, empty database. */
  abstract DataSource database();

  /** A second, independent connection source to the same database (a second instance). */
  abstract DataSource sameDatabaseAgain();

  static ConversationService service(DataSource ds) {
    BotHolder bots = new BotHolder();
    bots.swap(RealBot.get());
    return new ConversationService(bots, new JdbcConversationStore(ds),
        Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC), 1000,
        Duration.ofMinutes(30), SenderKeys.random());
  }

  static ChatOutcome say(ConversationService service, String id, String text) {
    return service.handle(ChatMessage.web(id, text, null, null));
  }

  @Test
  void aConversationIsStoredTurnByTurnAndContinuesInContext() throws SQLException {
    DataSource ds = database();
    ConversationService service = service(ds);
    ChatOutcome first = say(service, null, "what are checkpoint inhibitors");
    ChatOutcome second = say(service, first.conversationId(), "what about side effects?");
    assertEquals(first.conversationId(), second.conversationId());
    assertEquals(2, second.seq());
    assertTrue(second.reply().replies().get(0).text().contains("Checkpoint inhibitors"));
    assertEquals(List.of("what are checkpoint inhibitors", "what about side effects?"),
        texts(ds, first.conversationId()));
  }

  @Test
  void personalDataIsRedactedBeforeItIsStored() throws SQLException {
    DataSource ds = database();
    ChatOutcome outcome = say(service(ds), null,
        "im jo@example.com, nhs 943 476 5919, call 07700 900123 what is immunotherapy");
    String stored = texts(ds, outcome.conversationId()).get(0);
    assertFalse(stored.contains("jo@example.com") || stored.contains("5919")
        || stored.contains("900123"), stored);
    assertTrue(stored.contains("[email]") && stored.contains("[nhs number]")
        && stored.contains("[phone]"), stored);
  }

  @Test
  void aHandoffIsRecordedForTheNursesQueue() throws SQLException {
    DataSource ds = database();
    ChatOutcome outcome = say(service(ds), null, "can i talk to a nurse please");
    assertEquals("handoff", outcome.reply().action());
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT reason, status, seq FROM handoff WHERE conversation_id = ?")) {
      ps.setString(1, outcome.conversationId());
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals("asked_for_nurse", rs.getString(1));
        assertEquals("open", rs.getString(2));
        assertEquals(1, rs.getInt(3));
      }
    }
  }

  @Test
  void theSameMessageIdSentFiveTimesAtOnceIsAnsweredOnce() throws Exception {
    DataSource ds = database();
    ConversationService a = service(ds);
    ConversationService b = service(sameDatabaseAgain());
    String id = say(a, null, "hello").conversationId();
    ExecutorService pool = Executors.newFixedThreadPool(5);
    try {
      List<Future<ChatOutcome>> futures = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        ConversationService s = i % 2 == 0 ? a : b;
        futures.add(pool.submit(() -> s.handle(ChatMessage.web(id, "what is car t", null,
            "client-msg-42"))));
      }
      Set<ChatOutcome> outcomes = ConcurrentHashMap.newKeySet();
      int taken = 0;
      for (Future<ChatOutcome> f : futures) {
        ChatOutcome outcome = f.get(30, TimeUnit.SECONDS);
        taken += outcome.replayed() ? 0 : 1;
        // The same reply whether taken or replayed.
        outcomes.add(ChatOutcome.taken(outcome.conversationId(), outcome.seq(),
            outcome.reply(), outcome.contentVersion()));
      }
      assertEquals(1, outcomes.size(), "replies differ: " + outcomes);
      assertEquals(1, taken, "exactly one delivery takes the turn; the rest are replays");
      assertEquals(2, outcomes.iterator().next().seq());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of("hello", "what is car t"), texts(ds, id));
  }

  @Test
  void twoInstancesKeepFiftyConcurrentConversationsInOrder() throws Exception {
    DataSource ds = database();
    ConversationService[] instances = {service(ds), service(sameDatabaseAgain())};
    int conversations = 50;
    int turns = 10;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < conversations; i++) {
      ids.add(say(instances[i % 2], null, "turn 1 of conversation " + i).conversationId());
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    long start = System.nanoTime();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < conversations; i++) {
        String id = ids.get(i);
        int n = i;
        // Each conversation's turns go out one after another, alternating instances, while
        // the fifty conversations run at the same time.
        futures.add(pool.submit(() -> {
          for (int t = 2; t <= turns; t++) {
            say(instances[t % 2], id, "turn " + t + " of conversation " + n);
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "[%s] two instances: %d turns in %.2f s = %.0f turns/s%n",
        getClass().getSimpleName(), conversations * (turns - 1), seconds,
        conversations * (turns - 1) / seconds);
    for (int i = 0; i < conversations; i++) {
      List<String> expected = new ArrayList<>();
      for (int t = 1; t <= turns; t++) {
        expected.add("turn " + t + " of conversation " + i);
      }
      assertEquals(expected, texts(ds, ids.get(i)));
    }
  }

  @Test
  void aMessagingAppSenderContinuesTheirConversationAndTheirIdIsNeverStored()
      throws SQLException {
    DataSource ds = database();
    ConversationService service = service(ds);
    ChatOutcome first = service.handle(new ChatMessage(null, "what are checkpoint inhibitors",
        null, "wamid.1", "whatsapp", "447700900123"));
    ChatOutcome second = service.handle(new ChatMessage(null, "what about side effects?",
        null, "wamid.2", "whatsapp", "447700900123"));
    assertEquals(first.conversationId(), second.conversationId());
    assertEquals(2, second.seq());
    ChatOutcome other = service.handle(new ChatMessage(null, "hello", null, "wamid.3",
        "whatsapp", "447700900999"));
    assertTrue(!other.conversationId().equals(first.conversationId()));
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT sender_key FROM conversation"
            + " WHERE id = ?")) {
      ps.setString(1, first.conversationId());
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertFalse(rs.getString(1).contains("7700900123"));
        assertEquals(64, rs.getString(1).length());
      }
    }
  }

  @Test
  void aBareNumberChoosesFromTheNumberedQuickReplies() {
    ConversationService service = service(database());
    ChatOutcome first = say(service, null, "what are checkpoint inhibitors");
    String second = first.reply().quickReplies().get(1).payload();
    ChatOutcome chosen = say(service, first.conversationId(), "2");
    assertEquals("answer", chosen.reply().action());
    assertEquals(second, chosen.reply().intent());
    assertEquals(1.0, chosen.reply().confidence());
  }

  @Test
  void retentionDeletesOldTranscriptsButKeepsHandoffsLonger() throws SQLException {
    DataSource ds = database();
    JdbcConversationStore store = new JdbcConversationStore(ds);
    ChatOutcome outcome = say(service(ds), null, "i want to speak to a nurse");
    Instant now = Instant.parse("2026-11-25T10:00:00Z");
    assertEquals(0, store.deleteOlderThan(now.minus(Duration.ofDays(30)),
        now.minus(Duration.ofDays(365))));
    int deleted = store.deleteOlderThan(now.plus(Duration.ofDays(1)),
        now.minus(Duration.ofDays(365)));
    assertTrue(deleted >= 2, "deleted " + deleted);
    assertEquals(List.of(), texts(ds, outcome.conversationId()));
    assertTrue(store.find(outcome.conversationId()).isEmpty());
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM handoff")) {
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertEquals(1, rs.getInt(1));
      }
    }
  }

  /** The stored (redacted) texts of a conversation, in turn order. */
  static List<String> texts(DataSource ds, String conversationId) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT seq, user_text FROM turn WHERE conversation_id = ? ORDER BY seq")) {
      ps.setString(1, conversationId);
      try (ResultSet rs = ps.executeQuery()) {
        int expectedSeq = 1;
        while (rs.next()) {
          assertEquals(expectedSeq++, rs.getInt(1), "turn numbers must have no gaps");
          out.add(rs.getString(2));
        }
      }
    }
    return out;
  }
}
