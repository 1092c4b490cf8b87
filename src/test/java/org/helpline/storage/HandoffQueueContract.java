package org.helpline.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.helpline.conversation.ChatOutcome;
import org.helpline.conversation.ConversationService;
import org.helpline.handoff.HandoffConflictException;
import org.helpline.handoff.HandoffNotFoundException;
import org.helpline.handoff.HandoffQueue;
import org.helpline.handoff.HandoffTranscript;
import org.helpline.handoff.QueuedHandoff;
import org.helpline.support.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * What the nurses' queue must do on every database, with the real bot filling it: order,
 * claims that race across two instances, closing, audited transcripts.
 */
abstract class HandoffQueueContract {

  private static final Instant NOW = Instant.parse("2026-11-25T10:05:00Z");

  /** A migrated, empty database. */
  abstract DataSource database();

  /** A second, independent connection source to the same database (a second instance). */
  abstract DataSource sameDatabaseAgain();

  private static String handoffOf(HandoffQueue queue, String conversationId) {
    List<QueuedHandoff> all = queue.list(Set.of("open", "claimed", "closed")).stream()
        .filter(h -> h.conversationId().equals(conversationId)).toList();
    assertEquals(1, all.size(), all.toString());
    return all.get(0).id();
  }

  @Test
  void theQueueIsOrderedByUrgencyThenAgeAndFilteredByStatus() throws SQLException {
    DataSource ds = database();
    ConversationService service = ConversationStoreContract.service(ds);
    JdbcHandoffQueue queue = new JdbcHandoffQueue(ds);
    String routine = ConversationStoreContract.say(service, null, "i want to speak to a nurse")
        .conversationId();
    String emergency = ConversationStoreContract.say(service, null,
        "my husband has collapsed and isnt breathing").conversationId();
    insertUrgent(ds, "22222222-2222-2222-2222-222222222222");
    List<QueuedHandoff> open = queue.list(Set.of("open"));
    assertEquals(List.of("emergency", "urgent", "routine"),
        open.stream().map(h -> h.urgency().id()).toList());
    assertEquals(emergency, open.get(0).conversationId());
    assertEquals(routine, open.get(2).conversationId());
    assertEquals("escalation", open.get(0).reason().id());
    assertEquals(List.of(), queue.list(Set.of("closed")));
  }

  @Test
  void ofTwoInstancesClaimingAtOnceExactlyOneNurseWins() throws Exception {
    DataSource ds = database();
    ChatOutcome asked = ConversationStoreContract.say(ConversationStoreContract.service(ds),
        null, "i want to speak to a nurse");
    String id = handoffOf(new JdbcHandoffQueue(ds), asked.conversationId());
    List<HandoffQueue> instances = List.of(new JdbcHandoffQueue(ds),
        new JdbcHandoffQueue(sameDatabaseAgain()));
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        HandoffQueue queue = instances.get(i % 2);
        String nurse = "nurse" + (i % 2);
        Callable<String> claim = () -> {
          start.await();
          try {
            return queue.claim(id, nurse, NOW).claimedBy();
          } catch (HandoffConflictException e) {
            return "conflict:" + nurse;
          }
        };
        results.add(pool.submit(claim));
      }
      start.countDown();
      List<String> outcomes = new ArrayList<>();
      for (Future<String> f : results) {
        outcomes.add(f.get());
      }
      String winner = new JdbcHandoffQueue(ds).find(id).orElseThrow().claimedBy();
      String loser = winner.equals("nurse0") ? "nurse1" : "nurse0";
      assertEquals(5, outcomes.stream().filter(winner::equals).count(), outcomes.toString());
      assertEquals(5, outcomes.stream().filter(("conflict:" + loser)::equals).count(),
          outcomes.toString());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void closingLetsTheBotAnswerNormallyAgain() {
    DataSource ds = database();
    ConversationService service = ConversationStoreContract.service(ds);
    JdbcHandoffQueue queue = new JdbcHandoffQueue(ds);
    JdbcConversationStore store = new JdbcConversationStore(ds);
    String conversation = ConversationStoreContract.say(service, null,
        "i want to speak to a nurse").conversationId();
    assertTrue(store.find(conversation).orElseThrow().handoffOffered());
    String id = handoffOf(queue, conversation);
    assertThrows(HandoffConflictException.class, () -> queue.close(id, "nurse", false, "done",
        NOW));
    queue.claim(id, "nurse", NOW);
    assertThrows(HandoffConflictException.class, () -> queue.close(id, "nurse2", false,
        "done", NOW));
    assertTrue(store.find(conversation).orElseThrow().handoffOffered());
    QueuedHandoff closed = queue.close(id, "nurse", false, "Talked it through.", NOW);
    assertEquals("closed", closed.status());
    assertEquals("Talked it through.", closed.outcome());
    assertEquals(NOW, closed.closedAt());
    assertFalse(store.find(conversation).orElseThrow().handoffOffered());
    ChatOutcome next = ConversationStoreContract.say(service, conversation,
        "what are checkpoint inhibitors");
    assertTrue(next.reply().replies().get(0).text().startsWith("Checkpoint inhibitors"));
    assertThrows(HandoffNotFoundException.class, () -> queue.claim("no-such-id", "nurse",
        NOW));
  }

  @Test
  void anEmergencyWhileTheNursesHaveItRaisesTheOpenEntryInsteadOfAddingOne() {
    DataSource ds = database();
    ConversationService service = ConversationStoreContract.service(ds);
    JdbcHandoffQueue queue = new JdbcHandoffQueue(ds);
    String conversation = ConversationStoreContract.say(service, null,
        "i want to speak to a nurse").conversationId();
    ChatOutcome crisis = ConversationStoreContract.say(service, conversation,
        "i want to end my life");
    assertEquals("escalate", crisis.reply().action());
    QueuedHandoff entry = queue.find(handoffOf(queue, conversation)).orElseThrow();
    assertEquals("emergency", entry.urgency().id());
    assertEquals("asked_for_nurse", entry.reason().id());
    assertTrue(entry.summary().contains("red flag: self_harm"), entry.summary());
    assertFalse(entry.summary().contains("end my life"), entry.summary());
  }

  @Test
  void aTranscriptReadIsRedactedAndAudited() throws SQLException, ExecutionException {
    DataSource ds = database();
    ConversationService service = ConversationStoreContract.service(ds);
    JdbcHandoffQueue queue = new JdbcHandoffQueue(ds);
    String conversation = ConversationStoreContract.say(service, null,
        "im jo@example.com on 07700 900123").conversationId();
    ConversationStoreContract.say(service, conversation, "i want to speak to a nurse");
    String id = handoffOf(queue, conversation);
    HandoffTranscript t = queue.readTranscript(id, "nurse", NOW);
    assertEquals(2, t.turns().size());
    assertEquals("im [email] on [phone]", t.turns().get(0).userText());
    assertEquals("handoff", t.turns().get(1).action());
    assertTrue(t.turns().get(1).botTexts().stream().anyMatch(b -> b.contains("0808 800 4040")));
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT principal, action, at FROM"
            + " staff_audit WHERE conversation_id = ?")) {
      ps.setString(1, conversation);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals("nurse", rs.getString(1));
        assertEquals("read_transcript", rs.getString(2));
        assertFalse(rs.next());
      }
    }
    assertThrows(HandoffNotFoundException.class, () -> queue.readTranscript("nope", "nurse",
        NOW));
  }

  private static void insertUrgent(DataSource ds, String conversationId) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO handoff (id, conversation_id,"
            + " seq, channel, reason, urgency, status, summary, created_at)"
            + " VALUES (?, ?, 1, 'web', 'personal_medical_advice', 'urgent', 'open', 'x', ?)")) {
      ps.setString(1, conversationId);
      ps.setString(2, conversationId);
      ps.setObject(3, Instant.parse("2026-11-25T11:00:00Z").atOffset(ZoneOffset.UTC));
      ps.executeUpdate();
    }
  }

  @Test
  void aPersonIsHereWhileAStreamIsOpenOnAnyInstanceUntilThatInstanceDies() throws Exception {
    MutableClock clock = new MutableClock(NOW);
    String conversation = "33333333-3333-4333-8333-333333333333";
    // Renewals far beyond the test: only opening, closing and the clock move presence.
    try (JdbcPresence a = new JdbcPresence(database(), null, clock, Duration.ofHours(1));
        JdbcPresence b = new JdbcPresence(sameDatabaseAgain(), null, clock,
            Duration.ofHours(1))) {
      assertFalse(b.here(conversation));
      a.opened(conversation);
      awaitPresence(b, conversation, true);
      a.opened(conversation); // a second tab on the same instance
      a.closed(conversation);
      b.opened(conversation); // and one on the other instance
      a.closed(conversation);
      Thread.sleep(300);
      assertTrue(b.here(conversation), "the tab on the other instance is still open");
      b.closed(conversation);
      awaitPresence(a, conversation, false);
      // An instance that dies leaves its row behind; three keep-alives later it is not here.
      a.opened(conversation);
      awaitPresence(b, conversation, true);
      clock.advance(Duration.ofHours(3).plusSeconds(1));
      assertFalse(b.here(conversation), "a row nobody renewed no longer counts");
    }
  }

  private static void awaitPresence(JdbcPresence presence, String conversation, boolean here)
      throws InterruptedException {
    for (int i = 0; i < 100 && presence.here(conversation) != here; i++) {
      Thread.sleep(50);
    }
    assertEquals(here, presence.here(conversation));
  }
}
