package org.helpline.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.helpline.support.OpenEveryDay;
import org.helpline.support.PackagedApp;
import org.helpline.support.SseClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged application on one PostgreSQL, as behind a load balancer: the
 * person chats on instance A, the nurse works on instance B, and every message crosses between
 * them through PostgreSQL ({@code LISTEN/NOTIFY}, the database as the record). Instance A is
 * killed mid-chat and started again; the person's stream resumes with {@code Last-Event-ID}
 * and gets every message it missed once and in order. The content is the packaged content with
 * the line open every day, so the test does not depend on the hour it runs. Streams read the
 * database again only every 60 s here, so a message that arrives within the 15 s the test
 * waits came by a signal. Runs with
 * {@code ./mvnw verify} when {@code HELPLINE_TEST_POSTGRES_URL} is set.
 */
class NurseChatTwoInstancesIT {

  private static final int PORT_A = 18091;
  private static final int PORT_B = 18092;
  private static final Path DIR = Path.of("target", "nurse-chat-it");
  private static final String SCHEMA = "helpline_nurse_chat";
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final List<PackagedApp> running = new ArrayList<>();
  private String nurseAuth;

  @AfterEach
  void stop() throws InterruptedException {
    for (PackagedApp app : running) {
      if (app.isAlive()) {
        app.stop();
      }
    }
  }

  @Test
  void aPersonOnOneInstanceAndANurseOnAnotherTalkThroughARestart() throws Exception {
    String url = System.getenv(TestDatabases.POSTGRES_URL_ENV);
    assumeTrue(url != null, TestDatabases.POSTGRES_URL_ENV + " is not set");
    PackagedApp.clean(DIR);
    Map<String, String> env = PackagedApp.postgres(url, SCHEMA);
    Map<String, String> props = Map.of(
        "helpline.content.dir", openEveryDay().toAbsolutePath().toString(),
        "helpline.staff.users-file", staffFile().toAbsolutePath().toString(),
        // Far beyond WAIT: an event that arrives in time came by a signal, or by the stream's
        // own reads when it opens (the claim below races the person's stream opening).
        "helpline.nurse-chat.keep-alive", "60s");
    PackagedApp a = start(PORT_A, "a-0", env, props);
    PackagedApp b = start(PORT_B, "b", env, props);

    // The person asks for a nurse and to chat, on A.
    String id = chat(a, null, "text", "can I speak to a nurse please").path("conversationId")
        .asText();
    JsonNode waiting = chat(a, id, "payload", "nurse_chat");
    assertEquals("waiting", waiting.path("handoff").path("status").asText(), waiting.toString());

    // The nurse, on B, sees the chat in the queue and claims it.
    String handoff = null;
    for (JsonNode h : staff(b, "GET", "/api/v1/staff/handoffs", null)) {
      if (id.equals(h.path("conversationId").asText())) {
        handoff = h.path("id").asText();
      }
    }
    assertTrue(handoff != null, "the chat is in the queue on the other instance");
    String path = "/api/v1/staff/handoffs/" + handoff;
    String lastSeen;
    try (SseClient person = SseClient.open(a.base() + "/api/v1/chat/" + id + "/events", null,
        null); SseClient nurse = SseClient.open(b.base() + path + "/events", null,
        "nurse:" + nursePassword())) {
      staff(b, "POST", path + "/claim", null);
      person.next(e -> "status".equals(e.name()) && e.data().contains("with_nurse"), WAIT);
      staff(b, "POST", path + "/messages", "{\"text\":\"Hello from the nurse on B\"}");
      lastSeen = person.next(e -> e.data().contains("Hello from the nurse on B"), WAIT).id();
      chat(a, id, "text", "thank you, I have a question about my mum");
      nurse.next(e -> e.data().contains("question about my mum"), WAIT);
    }

    // Instance A dies mid-chat; the nurse goes on writing on B; A comes back.
    a.kill();
    for (int i = 1; i <= 3; i++) {
      staff(b, "POST", path + "/messages", "{\"text\":\"while A was down " + i + "\"}");
    }
    a = start(PORT_A, "a-1", env, props);
    try (SseClient person = SseClient.open(a.base() + "/api/v1/chat/" + id + "/events",
        lastSeen, null)) {
      List<String> missed = new ArrayList<>();
      long previous = Long.parseLong(lastSeen);
      while (missed.size() < 4) {
        SseClient.Event e = person.next(x -> x.id() != null, WAIT);
        assertTrue(Long.parseLong(e.id()) > previous, "ids increase, none repeated");
        previous = Long.parseLong(e.id());
        missed.add(JSON.readTree(e.data()).path("text").asText());
      }
      assertEquals(List.of("thank you, I have a question about my mum", "while A was down 1",
          "while A was down 2", "while A was down 3"), missed);
      staff(b, "POST", path + "/messages", "{\"text\":\"after the restart\"}");
      SseClient.Event live = person.next(x -> x.id() != null, WAIT);
      assertTrue(live.data().contains("after the restart"), live.data());
      assertTrue(person.drain(Duration.ofSeconds(3)).stream().noneMatch(x -> x.id() != null),
          "nothing delivered twice");
    }
  }

  private PackagedApp start(int port, String name, Map<String, String> env,
      Map<String, String> props) throws IOException, InterruptedException {
    PackagedApp app = PackagedApp.start(port, DIR.resolve(name + ".log"), env, props);
    running.add(app);
    return app;
  }


  /** The packaged content with the nurse line open every day, all day, with no holidays. */
  private static Path openEveryDay() throws IOException {
    return OpenEveryDay.content(DIR);
  }

  /** A staff file with one nurse whose password exists only in this run. */
  private Path staffFile() throws IOException {
    Path file = DIR.resolve("staff.txt");
    nurseAuth = OpenEveryDay.nurse(file);
    return file;
  }

  private String nursePassword() {
    return nurseAuth;
  }

  private static JsonNode chat(PackagedApp app, String id, String field, String value)
      throws Exception {
    String body = JSON.writeValueAsString(id == null ? Map.of(field, value)
        : Map.of(field, value, "conversationId", id));
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(app.base()
        + "/api/v1/chat")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  private JsonNode staff(PackagedApp app, String method, String path, String json)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.base() + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            ("nurse:" + nurseAuth).getBytes(StandardCharsets.UTF_8)));
    b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
        : b.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json));
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(r.statusCode() / 100 == 2, method + " " + path + ": " + r.statusCode() + " "
        + r.body());
    return JSON.readTree(r.body());
  }
}
