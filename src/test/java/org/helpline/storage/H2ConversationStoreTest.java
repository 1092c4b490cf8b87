package org.helpline.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.helpline.conversation.BotHolder;
import org.helpline.conversation.ChatOutcome;
import org.helpline.conversation.ConversationService;
import org.helpline.conversation.SenderKeys;
import org.helpline.support.RealBot;
import org.helpline.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded H2 database, plus a restart on the same files. */
class H2ConversationStoreTest extends ConversationStoreContract {

  @TempDir
  Path dir;

  private DataSource ds;

  @BeforeEach
  void open() {
    ds = TestDatabases.h2(dir);
  }

  @Override
  DataSource database() {
    return ds;
  }

  @Override
  DataSource sameDatabaseAgain() {
    return TestDatabases.h2(dir);
  }

  @Test
  void anIdleConversationExpiresAndTheNextMessageStartsANewOne() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    ConversationService service = serviceAt(clock);
    String id = say(service, null, "what are checkpoint inhibitors").conversationId();
    clock.advance(Duration.ofMinutes(29));
    assertEquals(id, say(service, id, "what about side effects?").conversationId());
    clock.advance(Duration.ofMinutes(31));
    ChatOutcome later = say(service, id, "hello again");
    assertNotEquals(id, later.conversationId());
    assertEquals(1, later.seq());
  }

  @Test
  void aPersonWaitingForANurseIsNotCutOffByTheIdleTimeout() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    ConversationService service = serviceAt(clock);
    ChatOutcome first = say(service, null, "can I talk to a nurse please");
    String id = first.conversationId();
    assertEquals("handoff", first.reply().action());
    // The nurses are busy: an hour later the person is still in the same conversation, told
    // it has been passed on, and the queue still has one entry for it.
    clock.advance(Duration.ofMinutes(60));
    ChatOutcome later = say(service, id, "is anyone there?");
    assertEquals(id, later.conversationId());
    assertEquals(2, later.seq());
    assertTrue(later.reply().replies().stream()
        .anyMatch(r -> r.text().contains("passed")), later.reply().toString());
  }

  /** A service on this database with a 30-minute idle timeout, reading {@code clock}. */
  private ConversationService serviceAt(Clock clock) {
    BotHolder bots = new BotHolder();
    bots.swap(RealBot.get());
    return new ConversationService(bots, new JdbcConversationStore(ds), clock, 1000,
        Duration.ofMinutes(30), SenderKeys.random());
  }

  /** A clock the test moves forward. */

  @Test
  void aConversationSurvivesARestartOnTheSameFiles() throws Exception {
    ConversationService before = service(ds);
    ChatOutcome first = say(before, null, "what are checkpoint inhibitors");
    // Everything is closed: H2 closes a file database with its last connection. A new stack
    // on the same files is a restarted application.
    ds = null;
    ConversationService after = service(TestDatabases.h2(dir));
    ChatOutcome next = say(after, first.conversationId(), "what about side effects?");
    assertEquals(first.conversationId(), next.conversationId());
    assertEquals(2, next.seq());
    assertEquals("immunotherapy_side_effects", next.reply().intent());
    assertEquals(true, next.reply().replies().get(0).text().contains("Checkpoint inhibitors"));
  }
}
