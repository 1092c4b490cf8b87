package org.helpline.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.helpline.conversation.BotHolder;
import org.helpline.conversation.ChatMessage;
import org.helpline.conversation.ChatOutcome;
import org.helpline.conversation.ConversationService;
import org.helpline.conversation.SenderKeys;
import org.helpline.support.RealBot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one turn asks of the database, on the real H2 database: the conversation is read once,
 * locked, inside the turn's transaction, and the turn is written with one statement per table
 * it changes. Prints every turn's statements (the figures in docs/architecture.md).
 */
class StatementCountTest {

  private static final String LOCK = "SELECT id, topic, misunderstandings, handoff_offered,"
      + " last_activity, offered, (SELECT MAX(t.seq) FROM turn t"
      + " WHERE t.conversation_id = conversation.id) AS last_seq FROM conversation"
      + " WHERE id = ? FOR UPDATE";
  private static final String CLAIM = "INSERT INTO processed_message";
  private static final String TURN = "INSERT INTO turn";
  private static final String UPDATE = "UPDATE conversation";

  @TempDir
  Path dir;

  private CountingDataSource db;
  private ConversationService service;

  @BeforeEach
  void open() {
    db = new CountingDataSource(TestDatabases.h2(dir));
    BotHolder bots = new BotHolder();
    bots.swap(RealBot.get());
    service = new ConversationService(bots, new JdbcConversationStore(db.dataSource),
        Clock.systemUTC(), 1000, Duration.ofMinutes(30), SenderKeys.random());
  }

  @Test
  void aFollowUpReadsTheConversationOnceAndWritesThreeRowsInOneTransaction() {
    String id = web(null, "what are checkpoint inhibitors", "m1").conversationId();
    assertEquals(List.of(LOCK, CLAIM, TURN, UPDATE, "COMMIT"),
        statements("follow-up", () -> web(id, "what about side effects?", "m2")));
    assertEquals(List.of(LOCK, TURN, UPDATE, "COMMIT"),
        statements("follow-up without a message id", () -> web(id, "what are cytokines", null)));
  }

  @Test
  void aNewConversationIsOnlyWritten() {
    assertEquals(List.of(CLAIM, TURN, "INSERT INTO conversation", "COMMIT"),
        statements("first message", () -> web(null, "what are checkpoint inhibitors", "m1")));
  }

  @Test
  void aBareNumberNeedsNoLookUpOfTheLastReply() {
    String id = web(null, "what are checkpoint inhibitors", "m1").conversationId();
    assertEquals(List.of(LOCK, CLAIM, TURN, UPDATE, "COMMIT"),
        statements("bare number", () -> web(id, "2", "m2")));
  }

  @Test
  void aMessagingSendersConversationIsFoundByTheSameSingleRead() {
    messaging("what are cytokines", "w1");
    List<String> next = statements("messaging", () -> messaging("what are vaccines", "w2"));
    assertEquals(5, next.size(), next.toString());
    assertEquals(true, next.get(0).contains("WHERE sender_key = ?"), next.get(0));
    assertEquals(true, next.get(0).endsWith("FOR UPDATE"), next.get(0));
  }

  @Test
  void whileTheNursesHaveItTheQueueIsAskedWhetherTheyStillDo() {
    String id = web(null, "can I talk to a nurse please", "m1").conversationId();
    List<String> waiting = statements("while waiting", () -> web(id, "what are cytokines", "m2"));
    assertEquals(LOCK, waiting.get(0));
    assertEquals(true, waiting.get(1).startsWith("SELECT id, urgency, summary, created_at,"
        + " mode, chat_status, reply_by, status FROM handoff"),
        waiting.get(1));
    assertEquals(List.of(CLAIM, TURN, UPDATE, "COMMIT"), waiting.subList(2, waiting.size()));
    List<String> emergency = statements("emergency while waiting", () -> web(id,
        "I can't breathe and have chest pain", "m3"));
    assertEquals(List.of(CLAIM, TURN, UPDATE, "UPDATE handoff", "COMMIT"),
        emergency.subList(2, emergency.size()));
  }

  private ChatOutcome web(String id, String text, String messageId) {
    return service.handle(ChatMessage.web(id, text, null, messageId));
  }

  private ChatOutcome messaging(String text, String messageId) {
    return service.handle(new ChatMessage(null, text, null, messageId, "whatsapp",
        "447700900123"));
  }

  /** The statements a turn executed: the conversation read in full, the others by kind. */
  private List<String> statements(String turn, Supplier<ChatOutcome> take) {
    db.clear();
    ChatOutcome outcome = take.get();
    List<String> executed = db.executed();
    System.out.printf("%s (%s): %d statements%n", turn, outcome.reply().action(),
        executed.stream().filter(s -> !s.equals("COMMIT")).count());
    executed.forEach(s -> System.out.println("  " + s));
    return executed.stream().map(StatementCountTest::kind).toList();
  }

  private static String kind(String sql) {
    for (String kind : List.of(CLAIM, TURN, UPDATE, "INSERT INTO conversation",
        "UPDATE handoff", "INSERT INTO handoff")) {
      if (sql.startsWith(kind)) {
        return kind;
      }
    }
    return sql;
  }
}
