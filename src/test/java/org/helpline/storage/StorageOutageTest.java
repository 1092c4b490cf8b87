package org.helpline.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.helpline.conversation.ChatMessage;
import org.helpline.conversation.ChatOutcome;
import org.helpline.conversation.ConversationService;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * With the database unreachable (nothing listens on the port), people still get answers:
 * escalations first, and the helpline number, never an error.
 */
class StorageOutageTest {

  private final ConversationService service = ConversationStoreContract.service(unreachable());

  private static PGSimpleDataSource unreachable() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
    return ds;
  }

  @Test
  void anEmergencyStillEscalates() {
    ChatOutcome outcome = ConversationStoreContract.say(service, null,
        "my wife has collapsed and is not breathing");
    assertEquals("escalate", outcome.reply().action());
    assertTrue(outcome.reply().replies().get(0).text().contains("999"));
    assertEquals(0, outcome.seq(), "nothing could be stored");
  }

  @Test
  void questionsAreStillAnsweredWithoutContext() {
    ChatOutcome outcome = ConversationStoreContract.say(service,
        "00000000-0000-4000-8000-000000000001", "what is immunotherapy");
    assertEquals("answer", outcome.reply().action());
    assertEquals("immunotherapy_what_is", outcome.reply().intent());
    assertEquals("00000000-0000-4000-8000-000000000001", outcome.conversationId());
  }

  @Test
  void askingForANurseStillGivesTheNumber() {
    ChatOutcome outcome = ConversationStoreContract.say(service, null, "i need a nurse");
    assertEquals("handoff", outcome.reply().action());
    assertEquals("0808 800 4040", outcome.reply().handoff().phone());
  }

  @Test
  void askingToChatOrLeaveAMessageGivesTheNumberNotAnError() {
    for (String payload : new String[] {"nurse_chat", "nurse_message", "nurse_message_yes"}) {
      ChatOutcome outcome = service.handle(ChatMessage.web(null, null, payload, null));
      assertEquals("handoff", outcome.reply().action(), payload);
      assertEquals("0808 800 4040", outcome.reply().handoff().phone(), payload);
      assertTrue(outcome.reply().replies().get(0).text().contains("0808 800 4040"), payload);
      assertEquals(0, outcome.seq(), "nothing could be stored");
    }
  }
}
