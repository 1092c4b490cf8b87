package org.helpline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import org.helpline.conversation.BotHolder;
import org.helpline.conversation.Notices;
import org.helpline.conversation.StorageUnavailableException;
import org.helpline.handoff.HandoffConflictException;
import org.helpline.handoff.HandoffNotFoundException;
import org.junit.jupiter.api.Test;

/** Staff-tool errors become problem documents with the right status. */
class ExceptionMappersTest {

  private final ExceptionMappers mappers = new ExceptionMappers(
      new Notices(new BotHolder(), "0808 800 4040", () -> null));

  @Test
  void aDatabaseOutageAsksStaffToTryAgain() {
    Response r = mappers.storageUnavailable(new StorageUnavailableException(
        "handoff queue storage failed (SQLState 08001)", null), null);
    assertEquals(503, r.getStatus());
    assertEquals("5", r.getHeaderString("Retry-After"));
    Problem p = (Problem) r.getEntity();
    assertTrue(p.detail().contains("try again"), p.detail());
  }

  @Test
  void queueErrorsAreNotFoundAndConflict() {
    assertEquals(404, mappers.domain(new HandoffNotFoundException("no"), null).getStatus());
    assertEquals(409, mappers.domain(new HandoffConflictException("taken"), null).getStatus());
  }
}
