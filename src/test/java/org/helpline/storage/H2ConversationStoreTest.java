package org.helpline.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.helpline.conversation.ChatOutcome;
import org.helpline.conversation.ConversationService;
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
