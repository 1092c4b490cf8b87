package org.helpline.channel.meta;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.helpline.channel.messaging.MessagingInbound;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The messaging platforms down: the real app with WhatsApp and Messenger sending to a local
 * Graph API stub that answers 500 or never answers. Webhooks are still acknowledged while the
 * stub holds every send, the web chat keeps answering, failed sends are retried and then
 * recorded, and a full dispatcher queue records the message as failed instead of blocking.
 * Its own profile, so the circuit breakers it opens affect no other test.
 */
@QuarkusTest
@TestProfile(MessagingOutageTest.Outage.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MessagingOutageTest {

  /** The Meta channels on the stub, in an application of their own. */
  public static class Outage extends MetaConfigured {
  }

  private static final String WHATSAPP = "/webhooks/whatsapp";
  private static final String MESSENGER = "/webhooks/messenger";
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

  @Inject
  @DataSource("embedded")
  AgroalDataSource database;

  @Inject
  MetaDispatcher dispatcher;

  private static String newNumber() {
    return "447700" + (100_000 + IDS.incrementAndGet() % 900_000);
  }

  private static String newPsid() {
    return Long.toString(7_100_000_000_000_000L + IDS.incrementAndGet());
  }

  private static ObjectNode whatsApp(String number, String text) {
    ObjectNode body = MetaRequests.recorded("whatsapp", "text-message.json");
    ObjectNode value = (ObjectNode) body.at("/entry/0/changes/0/value");
    ((ObjectNode) value.at("/contacts/0")).put("wa_id", number);
    ObjectNode message = (ObjectNode) value.at("/messages/0");
    message.put("from", number);
    message.put("id", "wamid.HBgM" + UUID.randomUUID().toString().replace("-", "") + "AA==");
    ((ObjectNode) message.get("text")).put("body", text);
    return body;
  }

  private static ObjectNode messenger(String psid, String text) {
    ObjectNode body = MetaRequests.recorded("messenger", "text-message.json");
    ObjectNode event = (ObjectNode) body.at("/entry/0/messaging/0");
    ((ObjectNode) event.get("sender")).put("id", psid);
    ((ObjectNode) event.get("message")).put("mid", "m_" + UUID.randomUUID().toString()
        .replace("-", "")).put("text", text);
    return body;
  }

  /** Posts a signed webhook and returns its status code. */
  private static int post(String path, ObjectNode body) {
    String secret = path.equals(WHATSAPP) ? MetaConfigured.WHATSAPP_SECRET
        : MetaConfigured.MESSENGER_SECRET;
    return MetaRequests.postSigned(path, body, secret).extract().statusCode();
  }

  private int failures(String reasonLike) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT COUNT(*) FROM delivery_failure WHERE reason LIKE ?")) {
      ps.setString(1, reasonLike);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private int allFailures() throws SQLException {
    return failures("%");
  }

  private int awaitFailures(int atLeast) throws SQLException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    int n = allFailures();
    while (n < atLeast && System.nanoTime() < deadline) {
      GraphApiStub.pause(100);
      n = allFailures();
    }
    return n;
  }

  private static void webChatAnswers() {
    given().contentType("application/json").body("{\"text\":\"what are checkpoint inhibitors\"}")
        .when().post("/api/v1/chat")
        .then().statusCode(200).body("action", equalTo("answer"))
        .body("intent", equalTo("checkpoint_inhibitors"));
  }

  @Test
  @Order(1)
  void failedSendsAreRetriedThenRecorded() throws SQLException {
    int before = failures("%HTTP 500%");
    List<String> numbers = List.of(newNumber(), newNumber(), newNumber());
    List<String> psids = List.of(newPsid(), newPsid(), newPsid());
    numbers.forEach(GraphApiStub::failFor);
    psids.forEach(GraphApiStub::failFor);
    for (int i = 0; i < 3; i++) {
      assertEquals(200, post(WHATSAPP, whatsApp(numbers.get(i), "what is interferon")));
      assertEquals(200, post(MESSENGER, messenger(psids.get(i), "what is interferon")));
    }
    // Every send is tried three times (the first and two retries), then recorded as failed.
    for (String recipient : concat(numbers, psids)) {
      assertEquals(3, GraphApiStub.awaitSends(recipient, 3, PATIENCE).size(), recipient);
    }
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (failures("%HTTP 500%") < before + 6 && System.nanoTime() < deadline) {
      GraphApiStub.pause(100);
    }
    assertEquals(before + 6, failures("%HTTP 500%"));
    GraphApiStub.pause(500);
    for (String recipient : concat(numbers, psids)) {
      assertEquals(3, GraphApiStub.sentTo(recipient).size(), "no fourth attempt: " + recipient);
    }
  }

  @Test
  @Order(2)
  void aHangingGraphApiDelaysNeitherWebhooksNorTheWebChat() throws Exception {
    int people = 40;
    List<String> recipients = new ArrayList<>();
    List<Runnable> posts = new ArrayList<>();
    List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < people; i++) {
      boolean wa = i % 2 == 0;
      String recipient = wa ? newNumber() : newPsid();
      recipients.add(recipient);
      GraphApiStub.hangFor(recipient);
      ObjectNode body = wa ? whatsApp(recipient, "what is immunotherapy")
          : messenger(recipient, "what is immunotherapy");
      posts.add(() -> statuses.add(post(wa ? WHATSAPP : MESSENGER, body)));
    }
    int before = allFailures();
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> acks = new ArrayList<>();
      posts.forEach(p -> acks.add(clients.submit(p)));
      for (Future<?> ack : acks) {
        ack.get();
      }
    } finally {
      clients.shutdown();
    }
    try {
      // Every webhook was acknowledged while the stub still holds every send.
      assertEquals(people, statuses.size());
      assertTrue(statuses.stream().allMatch(s -> s == 200), statuses.toString());
      // The web chat does not wait for the stuck platform.
      for (int i = 0; i < 5; i++) {
        webChatAnswers();
      }
      // Each reply is tried (up to three times, fewer once the circuit breaker opens), then
      // recorded as undelivered: one failure per person, while the stub still hangs.
      assertEquals(before + people, awaitFailures(before + people));
      for (String recipient : recipients) {
        int attempts = GraphApiStub.sentTo(recipient).size();
        assertTrue(attempts <= 3, recipient + " tried " + attempts + " times");
      }
      assertTrue(recipients.stream().mapToInt(r -> GraphApiStub.sentTo(r).size()).sum()
          >= people / 2, "the stub was hardly called");
    } finally {
      recipients.forEach(GraphApiStub::release);
    }
  }

  @Test
  @Order(3)
  void aFullDispatcherQueueRecordsTheMessageInsteadOfBlocking() throws Exception {
    int beyond = 5;
    // Earlier tests' sends may still be finishing: start from an idle dispatcher.
    long idle = System.nanoTime() + PATIENCE.toNanos();
    while (dispatcher.pending() > 0 && System.nanoTime() < idle) {
      GraphApiStub.pause(50);
    }
    assertEquals(0, dispatcher.pending(), "the dispatcher is still busy");
    int before = failures(MetaDispatcher.QUEUE_FULL);
    CountDownLatch stuck = new CountDownLatch(1);
    MetaReplySender hanging = reply -> {
      try {
        stuck.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    try {
      // One message each from more people than the workers and the queue hold; every call
      // returns at once (this thread would hang here otherwise).
      int total = MetaDispatcher.WORKERS + MetaDispatcher.QUEUED + beyond;
      for (int i = 0; i < total; i++) {
        dispatcher.takeTurn(MessagingInbound.text("whatsapp", newNumber(),
            "queue-" + UUID.randomUUID(), "what is immunotherapy"), hanging);
      }
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (failures(MetaDispatcher.QUEUE_FULL) < before + beyond
          && System.nanoTime() < deadline) {
        GraphApiStub.pause(50);
      }
      // At least the 5 beyond; up to 16 more when the queue filled before the idle threads
      // had taken their first task from it.
      int refused = failures(MetaDispatcher.QUEUE_FULL) - before;
      assertTrue(refused >= beyond && refused <= beyond + MetaDispatcher.WORKERS,
          refused + " refused");
      // Every dispatcher thread is stuck, and the web chat still answers.
      webChatAnswers();
    } finally {
      stuck.countDown();
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
