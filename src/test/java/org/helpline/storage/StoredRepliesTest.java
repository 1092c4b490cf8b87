package org.helpline.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.helpline.conversation.ChatReply;
import org.junit.jupiter.api.Test;

/**
 * The stored reply is versioned: rows written before the version existed (today's exact
 * JSON, captured from the code before the stored form had its own type) still read back
 * equal, and a shape or version this build does not know fails loudly.
 */
class StoredRepliesTest {

  /** The reply behind {@code storage/reply-v1-handoff.json}. */
  private static final ChatReply HANDOFF = new ChatReply("handoff", "talk_to_nurse", 0.917,
      List.of(new ChatReply.Message("Our nurses are there now. Call them free on 0808 800 4040.",
          List.of(new ChatReply.Link("Call the nurses", "tel:+448088004040"))),
          new ChatReply.Message("Second", List.of())),
      List.of(new ChatReply.Choice("Side effects", "immunotherapy_side_effects")),
      new ChatReply.Handoff("asked_for_nurse", "routine", "0808 800 4040", false,
          "Monday to Friday, 9am to 5pm (UK time)", "on Monday at 9am",
          List.of("In an emergency, call 999.")),
      new ChatReply.Escalation("self_harm", List.of("999", "116 123"), "self_harm_plan"),
      new ChatReply.Source("Contact our nurses", "https://www.cancerresearchuk.org/about-cancer"),
      LocalDate.of(2026, 11, 20));

  private static final ChatReply FALLBACK = new ChatReply("fallback", null, null,
      List.of(new ChatReply.Message("Sorry", List.of())), List.of(), null, null, null, null);

  @Test
  void aReplyStoredInTheShapeBeforeVersionsReadsBackEqual() throws IOException {
    assertEquals(HANDOFF, StoredReplies.read(fixture("reply-v1-handoff.json")));
    assertEquals(FALLBACK, StoredReplies.read(fixture("reply-v1-fallback.json")));
  }

  @Test
  void aVersion1ReplyIsRewrittenAsVersion2WithAPhoneOnlyHandoffAndNothingElseChanged()
      throws IOException {
    String fallback = fixture("reply-v1-fallback.json");
    assertEquals("{\"version\":2," + fallback.substring(1),
        StoredReplies.write(StoredReplies.read(fallback)));
    String handoff = fixture("reply-v1-handoff.json");
    String alternatives = "\"alternatives\":[\"In an emergency, call 999.\"]";
    assertEquals("{\"version\":2," + handoff.substring(1).replace(alternatives, alternatives
        + ",\"modes\":[\"phone\"],\"mode\":null,\"status\":null,\"position\":null,"
        + "\"replyBy\":null"),
        StoredReplies.write(StoredReplies.read(handoff)));
  }

  @Test
  void aHandoffInALiveChatReadsBackAsWritten() {
    ChatReply waiting = HANDOFF.with(HANDOFF.handoff().withModes(List.of("phone", "chat"))
        .in("chat", "waiting", 3, null), List.of());
    ChatReply read = StoredReplies.read(StoredReplies.write(waiting));
    assertEquals(waiting, read);
    assertEquals(3, read.handoff().position());
    assertEquals(List.of("phone", "chat"), read.handoff().modes());
  }

  @Test
  void everyReplyReadsBackAsWritten() {
    assertEquals(HANDOFF, StoredReplies.read(StoredReplies.write(HANDOFF)));
    ChatReply notice = ChatReply.notice("Sorry, I can only read text messages.");
    assertEquals(notice, StoredReplies.read(StoredReplies.write(notice)));
  }

  @Test
  void aStoredReviewDateStillReadsAsReviewed() throws IOException {
    ChatReply reply = StoredReplies.read(fixture("reply-v1-handoff.json"));
    assertEquals(LocalDate.of(2026, 11, 20), reply.reviewed());
    assertEquals(ChatReply.REVIEWED, reply.reviewStatus());
  }

  @Test
  void contentAwaitingClinicalReviewIsStoredWithoutADateAndReadsBackAsAwaiting() {
    ChatReply draft = new ChatReply("answer", "cytokines", 0.9,
        List.of(new ChatReply.Message("Cytokines are proteins.", List.of())), List.of(), null,
        null, new ChatReply.Source("Cytokines", "https://www.cancerresearchuk.org/about-cancer"),
        null);
    String json = StoredReplies.write(draft);
    assertTrue(json.contains("\"reviewed\":null"), json);
    ChatReply read = StoredReplies.read(json);
    assertEquals(draft, read);
    assertEquals(ChatReply.AWAITING_CLINICAL_REVIEW, read.reviewStatus());
    assertNull(FALLBACK.reviewStatus(), "no content answered, so there is nothing to review");
  }

  @Test
  void anUnknownVersionFailsNamingIt() {
    UnreadableReplyException e = assertThrows(UnreadableReplyException.class,
        () -> StoredReplies.read("{\"version\":3,\"action\":\"answer\",\"replies\":[]}"));
    assertTrue(e.getMessage().contains("version 3"), e.getMessage());
  }

  @Test
  void anUnknownFieldFailsNamingIt() {
    UnreadableReplyException e = assertThrows(UnreadableReplyException.class,
        () -> StoredReplies.read("{\"action\":\"answer\",\"replies\":[{\"text\":\"Hi\","
            + "\"links\":[],\"body\":\"renamed\"}]}"));
    assertTrue(e.getMessage().contains("'body'"), e.getMessage());
  }

  @Test
  void aReplyWithoutActionOrNotJsonFails() {
    assertThrows(UnreadableReplyException.class, () -> StoredReplies.read("{\"replies\":[]}"));
    assertThrows(UnreadableReplyException.class, () -> StoredReplies.read("null"));
    assertThrows(UnreadableReplyException.class, () -> StoredReplies.read("[1, 2]"));
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = StoredRepliesTest.class.getResourceAsStream("/storage/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }
}
