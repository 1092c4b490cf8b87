package org.helpline.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.helpline.channel.meta.MetaConfigured;
import org.helpline.channel.meta.MetaRequests;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hostile and malformed input against every public endpoint, webhook and input-taking staff
 * endpoint, over real HTTP with the real bot and every channel enabled: the corpus in
 * {@code src/test/resources/fuzz/} (texts placed in every string field, raw bodies), inputs
 * generated here (100,000-character strings, JSON nested 10,000 deep, 5 MB bodies, sent with
 * and without a length) and a seeded stream of random strings. Every answer must be a normal
 * reply or a 4xx problem document, never a 5xx or a hang; webhooks refuse unsigned requests
 * before parsing and treat correctly signed junk as junk; nothing the "person" wrote reaches
 * the log; and afterwards the bot still answers and still escalates.
 *
 * <p>A JUnit test with a seeded {@link Random} rather than jqwik properties: jqwik's engine is
 * not JUnit Jupiter, so {@code @QuarkusTest} (a Jupiter extension) cannot start the
 * application for it. The seed is fixed so a failure reproduces; set {@code -Dfuzz.seed=N}
 * to explore further, and {@code -Dfuzz.random=N} for more random strings.
 */
@QuarkusTest
@TestProfile(FuzzEndpointsTest.AllChannels.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FuzzEndpointsTest {

  static final String TWILIO_TOKEN = "fuzz-twilio-token-0123456789abcdef";
  static final String TWILIO_URL = "https://helpline.example.org/webhooks/twilio";
  static final String TELEGRAM_SECRET = "fuzz-telegram-secret_0123456789";
  /** Marks text that must never reach a log line (see texts.txt). */
  static final String CANARY = "quokkacanary";

  /** Every channel on: Meta (towards the local Graph API stub), Twilio and Telegram. */
  public static class AllChannels implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      Map<String, String> config = new HashMap<>(new MetaConfigured().getConfigOverrides());
      config.put("helpline.channels.twilio.auth-token", TWILIO_TOKEN);
      config.put("helpline.channels.twilio.webhook-url", TWILIO_URL);
      config.put("helpline.channels.telegram.secret-token", TELEGRAM_SECRET);
      return config;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SEED = Long.getLong("fuzz.seed", 20261128L);
  private static final int RANDOM_STRINGS = Integer.getInteger("fuzz.random", 20);
  private static final String NURSE = "Basic " + Base64.getEncoder().encodeToString(
      "nurse:nurse-test-pw".getBytes(StandardCharsets.UTF_8));
  private static final String EDITOR = "Basic " + Base64.getEncoder().encodeToString(
      "editor:editor-test-pw".getBytes(StandardCharsets.UTF_8));
  private static final String ZERO_ID = "00000000-0000-0000-0000-000000000000";
  private static final String DRAFTS = "/api/v1/staff/content/drafts/";
  /** Statuses a webhook may give a request that is not signed (or wrongly signed). */
  private static final Set<Integer> UNSIGNED_OK = Set.of(401, 403, 404, 413, 414, 415, 431);
  /**
   * Refusals by Vert.x's HTTP codec (request line or headers too long), made before any
   * application code runs: a bare status, not a problem document.
   */
  private static final Set<Integer> CODEC_REFUSALS = Set.of(414, 431);
  private static final List<String> CONTENT_TYPES = Arrays.asList(null,
      "text/plain", "application/xml", "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x", "application/json; charset=bogus",
      "application/json; charset=utf-16", "application/json; charset=iso-8859-1",
      "application/*", "not a media type", "application/json, text/plain",
      "application/json; charset=\"utf-8\"; charset=latin1", "*/*");

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private static final List<String> LOGGED = new CopyOnWriteArrayList<>();
  private static final Handler CAPTURE = new Handler() {
    @Override
    public void publish(LogRecord record) {
      StringBuilder sb = new StringBuilder(String.valueOf(record instanceof ExtLogRecord ext
          ? ext.getFormattedMessage() : record.getMessage()));
      for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
        sb.append(" | ").append(t);
      }
      LOGGED.add(sb.toString());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  };
  private static final AtomicInteger REQUESTS = new AtomicInteger();

  @TestHTTPResource("/")
  URL root;

  private final List<String> failures = new ArrayList<>();

  @BeforeAll
  static void captureLogs() {
    Logger.getLogger("").addHandler(CAPTURE);
  }

  @AfterAll
  static void stopCapturing() {
    Logger.getLogger("").removeHandler(CAPTURE);
  }

  // ---------------------------------------------------------------------------------------
  // The endpoints and where a hostile string goes in each

  /** How one endpoint is called with a body; {@code signed} false means no credentials. */
  private interface Caller {
    Answer call(byte[] body, String contentType, boolean signed);
  }

  private record Endpoint(String name, Caller caller, boolean webhook, boolean staff) {
  }

  private List<Endpoint> endpoints() {
    return List.of(
        new Endpoint("chat", (b, ct, s) -> post("/api/v1/chat", b, ct, Map.of()), false,
            false),
        new Endpoint("feedback", (b, ct, s) -> post("/api/v1/chat/feedback", b, ct, Map.of()),
            false, false),
        new Endpoint("triage", (b, ct, s) -> post("/api/v1/staff/triage", b, ct,
            s ? Map.of("Authorization", NURSE) : Map.of()), false, true),
        new Endpoint("close", (b, ct, s) -> post("/api/v1/staff/handoffs/" + ZERO_ID
            + "/close", b, ct, s ? Map.of("Authorization", NURSE) : Map.of()), false, true),
        new Endpoint("telegram", (b, ct, s) -> post("/webhooks/telegram", b, ct,
            Map.of("X-Telegram-Bot-Api-Secret-Token", s ? TELEGRAM_SECRET : "wrong")),
            true, false),
        new Endpoint("whatsapp", (b, ct, s) -> post("/webhooks/whatsapp", b, ct,
            metaSignature(MetaConfigured.WHATSAPP_SECRET, b, s)), true, false),
        new Endpoint("messenger", (b, ct, s) -> post("/webhooks/messenger", b, ct,
            metaSignature(MetaConfigured.MESSENGER_SECRET, b, s)), true, false),
        new Endpoint("twilio", (b, ct, s) -> post("/webhooks/twilio", b, ct,
            twilioSignature(b, s)), true, false),
        new Endpoint("message", (b, ct, s) -> post("/api/v1/staff/handoffs/" + ZERO_ID
            + "/messages", b, ct, s ? Map.of("Authorization", NURSE) : Map.of()), false, true),
        new Endpoint("draft-chat", (b, ct, s) -> post(DRAFTS + draft() + "/chat", b, ct,
            s ? Map.of("Authorization", EDITOR) : Map.of()), false, true),
        new Endpoint("draft-action", (b, ct, s) -> post(DRAFTS + ZERO_ID + "/submit", b, ct,
            s ? Map.of("Authorization", EDITOR) : Map.of()), false, true),
        new Endpoint("draft-example", (b, ct, s) -> post(DRAFTS + ZERO_ID + "/examples", b, ct,
            s ? Map.of("Authorization", EDITOR) : Map.of()), false, true));
  }

  private String draft;

  /** A real draft to chat with (the draft's bot is the packaged one: nothing changed). */
  private String draft() {
    if (draft == null) {
      Answer a = post("/api/v1/staff/content/drafts", null, null,
          Map.of("Authorization", EDITOR));
      try {
        draft = JSON.readTree(a.body()).path("id").asText();
      } catch (IOException e) {
        throw new IllegalStateException("could not start a draft: " + a, e);
      }
    }
    return draft;
  }

  /** JSON bodies with one string slot, per endpoint; {@code @S@} is the hostile string. */
  private static final Map<String, List<String>> TEMPLATES = Map.ofEntries(
      Map.entry("chat", List.of("{\"text\":@S@}", "{\"payload\":@S@}",
          "{\"conversationId\":@S@,\"text\":\"hello\"}",
          "{\"messageId\":@S@,\"text\":\"hello\"}")),
      Map.entry("feedback", List.of("{\"conversationId\":@S@,\"turn\":1,\"helpful\":true}",
          "{\"conversationId\":\"" + ZERO_ID + "\",\"turn\":1,\"helpful\":false,"
              + "\"comment\":@S@}")),
      Map.entry("triage", List.of("{\"text\":@S@}")),
      Map.entry("close", List.of("{\"outcome\":@S@}")),
      Map.entry("message", List.of("{\"text\":@S@}")),
      Map.entry("draft-chat", List.of("{\"text\":@S@}", "{\"payload\":@S@}",
          "{\"conversationId\":@S@,\"text\":\"hello\"}")),
      Map.entry("draft-action", List.of("{\"comment\":@S@}", "{\"note\":@S@}")),
      Map.entry("draft-example", List.of("{\"intent\":\"greeting\",\"text\":@S@}",
          "{\"intent\":@S@,\"text\":\"hello\"}")),
      Map.entry("telegram", List.of("{\"update_id\":@U@,\"message\":{\"message_id\":1,"
          + "\"from\":{\"id\":@U@,\"is_bot\":false,\"first_name\":\"Sam\"},"
          + "\"chat\":{\"id\":@U@,\"type\":"
          + "\"private\"},\"date\":1767261600,\"text\":@S@}}",
          "{\"update_id\":@U@,\"callback_query\":{\"id\":\"1\",\"from\":{\"id\":@U@},"
              + "\"message\":{\"message_id\":1,\"chat\":{\"id\":@U@,\"type\":\"private\"}},"
              + "\"data\":@S@}}")),
      Map.entry("whatsapp", List.of("{\"object\":\"whatsapp_business_account\","
          + "\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
          + "\"value\":{\"messaging_product\":"
          + "\"whatsapp\",\"metadata\":{\"display_phone_number\":\"447700900123\","
          + "\"phone_number_id\":\"106540352242922\"},\"messages\":[{\"from\":\"44@U@\","
          + "\"id\":\"wamid.@U@\",\"timestamp\":\"1767261600\",\"type\":\"text\","
          + "\"text\":{\"body\":@S@}}]}}]}]}",
          "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{"
              + "\"field\":\"messages\",\"value\":{\"metadata\":{\"phone_number_id\":\"1\"},"
              + "\"messages\":[{\"from\":@S@,\"id\":\"wamid.@U@\",\"type\":\"text\","
              + "\"text\":{\"body\":\"hello\"}}]}}]}]}")),
      Map.entry("messenger", List.of("{\"object\":\"page\",\"entry\":[{\"id\":\"1\","
          + "\"time\":1,\"messaging\":[{\"sender\":{\"id\":\"@U@\"},\"recipient\":{\"id\":\"1\"},"
          + "\"timestamp\":1,\"message\":{\"mid\":\"m_@U@\",\"text\":@S@}}]}]}",
          "{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"time\":1,\"messaging\":[{"
              + "\"sender\":{\"id\":\"@U@\"},\"recipient\":{\"id\":\"1\"},\"timestamp\":1,"
              + "\"postback\":{\"title\":\"x\",\"payload\":@S@,\"mid\":\"m_@U@\"}}]}]}")));

  /** Twilio form parameters with one hostile value; the others are a normal inbound SMS. */
  private static final List<String> TWILIO_FIELDS = List.of("Body", "From", "ButtonPayload",
      "MessageSid", "NumMedia");

  // ---------------------------------------------------------------------------------------
  // The tests

  @Test
  @Order(1)
  void hostileTextsInEveryStringFieldGetAReplyOrAProblem() {
    List<String> texts = new ArrayList<>(corpusTexts());
    texts.addAll(randomStrings(new Random(SEED), RANDOM_STRINGS));
    for (Endpoint e : endpoints()) {
      List<String> slice = e.staff() ? texts.subList(0, Math.min(texts.size(), 30)) : texts;
      if ("twilio".equals(e.name())) {
        for (String field : TWILIO_FIELDS) {
          for (String text : slice) {
            Map<String, String> params = twilioSms();
            params.put(field, text);
            byte[] body = formEncode(params).getBytes(StandardCharsets.UTF_8);
            check(e, "Twilio " + field + "=" + HostileTextPropertyTest.escape(abbrev(text)),
                e.caller().call(body, "application/x-www-form-urlencoded", true), true);
          }
        }
        continue;
      }
      for (String template : TEMPLATES.get(e.name())) {
        for (String text : slice) {
          byte[] body = fill(template, text);
          check(e, e.name() + " " + abbrev(new String(body, StandardCharsets.UTF_8)),
              e.caller().call(body, "application/json", true), true);
        }
      }
    }
    assertNoFailures();
  }

  @Test
  @Order(2)
  void corpusBodiesSignedAndUnsignedGetAReplyOrAProblem() {
    Map<String, byte[]> bodies = corpusBodies();
    for (Endpoint e : endpoints()) {
      for (Map.Entry<String, byte[]> b : bodies.entrySet()) {
        String type = "twilio".equals(e.name()) ? "application/x-www-form-urlencoded"
            : "application/json";
        check(e, e.name() + " signed " + b.getKey(), e.caller().call(b.getValue(), type, true),
            true);
        if (e.webhook() || e.staff()) {
          check(e, e.name() + " unsigned " + b.getKey(), e.caller().call(b.getValue(), type,
              false), false);
        }
      }
    }
    assertNoFailures();
  }

  @Test
  @Order(3)
  void generatedHugeAndDeepBodiesGetAReplyOrAProblem() {
    Map<String, byte[]> generated = new LinkedHashMap<>();
    generated.put("text of 100,000 characters", fill("{\"text\":@S@,\"outcome\":@S@}",
        "a".repeat(100_000)));
    generated.put("text of 60,000 characters (under the body limit)",
        fill("{\"text\":@S@}", "what is immunotherapy ".repeat(2_700)));
    generated.put("4,000 emoji", fill("{\"text\":@S@}", "\ud83d\ude00".repeat(4_000)));
    generated.put("arrays nested 10,000 deep", ("[".repeat(10_000) + "]".repeat(10_000))
        .getBytes(StandardCharsets.UTF_8));
    generated.put("objects nested 10,000 deep in an unknown field", ("{\"text\":\"hi\",\"x\":"
        + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_001)).getBytes(StandardCharsets.UTF_8));
    generated.put("nested 10,000 deep in the text field", ("{\"text\":" + "[".repeat(10_000)
        + "]".repeat(10_000) + "}").getBytes(StandardCharsets.UTF_8));
    StringBuilder keys = new StringBuilder("{\"text\":\"hi\"");
    for (int i = 0; keys.length() < 60_000; i++) {
      keys.append(",\"k").append(i).append("\":").append(i);
    }
    generated.put("6,000 unknown keys", keys.append('}').toString()
        .getBytes(StandardCharsets.UTF_8));
    generated.put("5 MB body", fill("{\"text\":@S@}", "x".repeat(5 * 1024 * 1024)));
    generated.put("a number with 50,000 digits", ("{\"turn\":" + "9".repeat(50_000)
        + ",\"update_id\":" + "9".repeat(5_000) + "}").getBytes(StandardCharsets.UTF_8));
    StringBuilder form = new StringBuilder("Body=hi");
    for (int i = 0; form.length() < 60_000; i++) {
      form.append("&Body=").append(i);
    }
    generated.put("form with thousands of repeated names", form.toString()
        .getBytes(StandardCharsets.UTF_8));
    for (Endpoint e : endpoints()) {
      for (Map.Entry<String, byte[]> g : generated.entrySet()) {
        String type = "twilio".equals(e.name()) ? "application/x-www-form-urlencoded"
            : "application/json";
        check(e, e.name() + " " + g.getKey(), e.caller().call(g.getValue(), type, true), true);
      }
      // Without a Content-Length: Vert.x has to count while reading.
      check(e, e.name() + " 5 MB chunked", postChunked(e, 5 * 1024 * 1024), true);
    }
    assertNoFailures();
  }

  @Test
  @Order(3)
  void aSmallBodyWithoutALengthIsStillAnswered() throws IOException {
    byte[] chat = "{\"text\":\"what is immunotherapy\"}".getBytes(StandardCharsets.UTF_8);
    Answer a = exchange("POST", "/api/v1/chat", HttpRequest.BodyPublishers.ofInputStream(
        () -> new ByteArrayInputStream(chat)), "application/json", Map.of(), false);
    assertEquals(200, a.status(), a.body());
    assertEquals("immunotherapy_what_is", JSON.readTree(a.body()).path("intent").asText());
    Map<String, String> params = twilioSms();
    params.put("Body", "what is immunotherapy");
    byte[] form = formEncode(params).getBytes(StandardCharsets.UTF_8);
    Answer t = exchange("POST", "/webhooks/twilio", HttpRequest.BodyPublishers.ofInputStream(
        () -> new ByteArrayInputStream(form)), "application/x-www-form-urlencoded",
        twilioSignature(form, true), false);
    assertEquals(200, t.status(), t.body());
    assertTrue(t.body().contains("<Message>"), t.body());
  }

  @Test
  @Order(3)
  void aChunkedBodyOverTheLimitGetsAProblemAndUnparseableFormsAreRefusedAsUnsigned()
      throws IOException {
    byte[] big = new byte[200 * 1024];
    Arrays.fill(big, (byte) 'x');
    // Before the fix: a bare 413 with no body from Quarkus's own reader.
    Answer a = exchange("POST", "/webhooks/whatsapp", HttpRequest.BodyPublishers.ofInputStream(
        () -> new ByteArrayInputStream(big)), "application/json",
        metaSignature(MetaConfigured.WHATSAPP_SECRET, big, true), false);
    assertEquals(413, a.status(), a.body());
    assertTrue(a.contentType().startsWith(PROBLEM), a.contentType());
    assertTrue(JSON.readTree(a.body()).path("detail").asText().contains("limit"), a.body());
    // Before the fix: 400 "bad % escape" to anyone, signed or not.
    byte[] form = "Body=100%&From=%zz".getBytes(StandardCharsets.UTF_8);
    Answer t = send("POST", "/webhooks/twilio", form, "application/x-www-form-urlencoded",
        twilioSignature(form, false));
    assertEquals(403, t.status(), t.body());
  }

  @Test
  @Order(4)
  void wrongContentTypesAndAcceptHeadersGetAProblem() {
    byte[] chat = "{\"text\":\"what is immunotherapy\"}".getBytes(StandardCharsets.UTF_8);
    for (Endpoint e : endpoints()) {
      for (String type : CONTENT_TYPES) {
        check(e, e.name() + " Content-Type " + type, e.caller().call(chat, type, true), true);
      }
    }
    for (String accept : List.of("text/html", "application/xml", "image/png;q=0.9",
        "garbage;;;", "application/json;q=0")) {
      Answer a = send("POST", "/api/v1/chat", chat, "application/json", Map.of("Accept",
          accept));
      check(endpoints().get(0), "chat Accept " + accept, a, true);
    }
    for (String method : List.of("PUT", "DELETE", "PATCH", "GET")) {
      Answer a = send(method, "/api/v1/chat", chat, "application/json", Map.of());
      check(endpoints().get(0), "chat " + method, a, true);
      Answer t = send(method, "/webhooks/twilio", chat, "application/json", Map.of());
      check(endpoints().get(7), "twilio " + method, t, false);
    }
    assertNoFailures();
  }

  @Test
  @Order(5)
  void metaHandshakesAndStaffPathsWithHostileParametersGetAProblem() {
    List<String> texts = new ArrayList<>(corpusTexts());
    texts.addAll(randomStrings(new Random(SEED + 1), 10));
    texts.add("x".repeat(5_000));
    for (String platform : List.of("whatsapp", "messenger")) {
      Endpoint e = endpoints().get("whatsapp".equals(platform) ? 5 : 6);
      String verify = "whatsapp".equals(platform) ? MetaConfigured.WHATSAPP_VERIFY
          : MetaConfigured.MESSENGER_VERIFY;
      for (String text : texts) {
        String q = query(text);
        check(e, platform + " challenge " + abbrev(text), send("GET", "/webhooks/" + platform
            + "?hub.mode=subscribe&hub.verify_token=" + verify + "&hub.challenge=" + q, null,
            null, Map.of()), true);
        check(e, platform + " token " + abbrev(text), send("GET", "/webhooks/" + platform
            + "?hub.mode=" + q + "&hub.verify_token=" + q + "&hub.challenge=1", null, null,
            Map.of()), false);
      }
    }
    Endpoint close = endpoints().get(3);
    byte[] outcome = "{\"outcome\":\"called back\"}".getBytes(StandardCharsets.UTF_8);
    for (String text : texts.subList(0, Math.min(texts.size(), 20))) {
      String path = "/api/v1/staff/handoffs/" + query(text);
      check(close, "close id " + abbrev(text), send("POST", path + "/close", outcome,
          "application/json", Map.of("Authorization", NURSE)), true);
      check(close, "claim id " + abbrev(text), send("POST", path + "/claim", null, null,
          Map.of("Authorization", NURSE)), true);
      check(close, "transcript id " + abbrev(text), send("GET", path + "/transcript", null,
          null, Map.of("Authorization", NURSE)), true);
      check(close, "return id " + abbrev(text), send("POST", path + "/return", null, null,
          Map.of("Authorization", NURSE)), true);
      check(close, "live chat id " + abbrev(text), send("GET", path + "/events", null, null,
          Map.of("Authorization", NURSE, "Accept", "text/event-stream")), true);
      check(close, "person's stream id " + abbrev(text), send("GET", "/api/v1/chat/"
          + query(text) + "/events", null, null, Map.of("Accept", "text/event-stream")), true);
      check(close, "Last-Event-ID " + abbrev(text), send("GET", "/api/v1/chat/" + ZERO_ID
          + "/events", null, null, Map.of("Accept", "text/event-stream", "Last-Event-ID",
          headerSafe(text))), true);
    }
    for (String status : List.of("bogus", "open,%00", "%E2%80%AE", "x".repeat(3_000))) {
      check(close, "status " + status, send("GET", "/api/v1/staff/handoffs?status=" + status,
          null, null, Map.of("Authorization", NURSE)), true);
    }
    for (String auth : List.of("Basic", "Basic !!!", "Basic " + Base64.getEncoder()
        .encodeToString("nurse".getBytes(StandardCharsets.UTF_8)), "Basic " + Base64
        .getEncoder().encodeToString(("nurse:" + "x".repeat(10_000)).getBytes(
            StandardCharsets.UTF_8)), "Bearer x", "Basic " + Base64.getEncoder()
        .encodeToString("\u0000:\u0000".getBytes(StandardCharsets.UTF_8)))) {
      check(close, "Authorization " + abbrev(auth), send("POST", "/api/v1/staff/triage",
          "{\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8), "application/json",
          Map.of("Authorization", auth)), false);
    }
    assertNoFailures();
  }

  @Test
  @Order(6)
  void afterwardsTheBotStillAnswersEscalatesAndLoggedNothingPersonal()
      throws IOException, InterruptedException {
    JsonNode answer = JSON.readTree(send("POST", "/api/v1/chat",
        "{\"text\":\"what is immunotherapy\"}".getBytes(StandardCharsets.UTF_8),
        "application/json", Map.of()).body());
    assertEquals("answer", answer.path("action").asText(), answer.toString());
    assertEquals("immunotherapy_what_is", answer.path("intent").asText());
    JsonNode emergency = JSON.readTree(send("POST", "/api/v1/chat",
        "{\"text\":\"my dad has collapsed and hes not breathing\"}".getBytes(
            StandardCharsets.UTF_8), "application/json", Map.of()).body());
    assertEquals("escalate", emergency.path("action").asText(), emergency.toString());
    assertTrue(emergency.toString().contains("999"));
    // The Meta turns run off the request thread: give the last ones a moment to log.
    Thread.sleep(2_000);
    assertTrue(LOGGED.stream().anyMatch(l -> l.startsWith("turn channel=")),
        "the log handler saw no turn lines: it is not capturing");
    List<String> leaks = LOGGED.stream().filter(l -> l.contains(CANARY)).toList();
    assertTrue(leaks.isEmpty(), () -> leaks.size() + " log lines hold the person's words,"
        + " for example: " + abbrev(leaks.get(0)));
    assertTrue(REQUESTS.get() > 1_000, "only " + REQUESTS.get() + " requests were sent");
  }

  // ---------------------------------------------------------------------------------------
  // Checking answers

  private record Answer(int status, String contentType, String body, String failure) {
  }

  private void check(Endpoint e, String what, Answer a, boolean signed) {
    String label = HostileTextPropertyTest.escape(abbrev(what));
    if (a.failure() != null) {
      failures.add(label + ": " + a.failure());
      return;
    }
    if (a.status() >= 500) {
      failures.add(label + ": " + a.status() + " " + abbrev(a.body()));
      return;
    }
    if (!signed && (e.webhook() || e.staff()) && !UNSIGNED_OK.contains(a.status())
        && a.status() != 405) {
      failures.add(label + ": without credentials, got " + a.status());
      return;
    }
    if (a.status() >= 400) {
      if (a.status() == 401 && (e.staff() || a.body().isEmpty())) {
        return; // Quarkus security's challenge: WWW-Authenticate and no body
      }
      if (CODEC_REFUSALS.contains(a.status())) {
        return;
      }
      String type = a.contentType() == null ? "" : a.contentType();
      if (!type.startsWith("application/problem+json")) {
        failures.add(label + ": " + a.status() + " with Content-Type '" + type + "': "
            + abbrev(a.body()));
        return;
      }
      try {
        JsonNode problem = JSON.readTree(a.body());
        if (problem.path("detail").asText("").isBlank()
            || problem.path("status").asInt() != a.status()) {
          failures.add(label + ": problem without detail or status: " + abbrev(a.body()));
        }
      } catch (IOException ex) {
        failures.add(label + ": problem document is not JSON: " + abbrev(a.body()));
      }
    }
  }

  /** A hostile text that an HTTP client will put in a header (no line breaks or controls). */
  private static String headerSafe(String text) {
    String safe = text.replaceAll("[^\\x20-\\x7e]", "?");
    return safe.isBlank() ? "?" : safe.strip();
  }

  private void assertNoFailures() {
    if (!failures.isEmpty()) {
      fail(failures.size() + " hostile requests were mishandled:\n  "
          + String.join("\n  ", failures.subList(0, Math.min(40, failures.size()))));
    }
  }

  // ---------------------------------------------------------------------------------------
  // Sending

  private Answer post(String path, byte[] body, String contentType, Map<String, String> head) {
    return send("POST", path, body, contentType, head);
  }

  private Answer send(String method, String path, byte[] body, String contentType,
      Map<String, String> headers) {
    HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(body);
    return exchange(method, path, publisher, contentType, headers,
        body != null && body.length > 64 * 1024);
  }

  private Answer postChunked(Endpoint e, int size) {
    String path = switch (e.name()) {
      case "chat" -> "/api/v1/chat";
      case "feedback" -> "/api/v1/chat/feedback";
      case "triage" -> "/api/v1/staff/triage";
      case "close" -> "/api/v1/staff/handoffs/" + ZERO_ID + "/close";
      case "message" -> "/api/v1/staff/handoffs/" + ZERO_ID + "/messages";
      case "draft-chat" -> DRAFTS + draft() + "/chat";
      case "draft-action" -> DRAFTS + ZERO_ID + "/submit";
      case "draft-example" -> DRAFTS + ZERO_ID + "/examples";
      default -> "/webhooks/" + e.name();
    };
    byte[] big = new byte[size];
    Arrays.fill(big, (byte) 'x');
    Map<String, String> headers = switch (e.name()) {
      case "triage", "close", "message" -> Map.of("Authorization", NURSE);
      case "draft-chat", "draft-action", "draft-example" -> Map.of("Authorization", EDITOR);
      case "telegram" -> Map.of("X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET);
      case "whatsapp" -> metaSignature(MetaConfigured.WHATSAPP_SECRET, big, true);
      case "messenger" -> metaSignature(MetaConfigured.MESSENGER_SECRET, big, true);
      default -> Map.of();
    };
    // An input stream of unknown length makes the client send Transfer-Encoding: chunked.
    return exchange("POST", path, HttpRequest.BodyPublishers.ofInputStream(
        () -> new ByteArrayInputStream(big)), "twilio".equals(e.name())
        ? "application/x-www-form-urlencoded" : "application/json", headers, true);
  }

  /**
   * One request. {@code overLimit}: the body is over the body limit, and the server may answer
   * 413 and close the connection before the client has finished sending, which the client
   * reports as an I/O error: that counts as a refusal, not a failure.
   */
  private Answer exchange(String method, String path, HttpRequest.BodyPublisher publisher,
      String contentType, Map<String, String> headers, boolean overLimit) {
    return exchange(method, path, publisher, contentType, headers, overLimit, false);
  }

  private Answer exchange(String method, String path, HttpRequest.BodyPublisher publisher,
      String contentType, Map<String, String> headers, boolean overLimit, boolean retried) {
    REQUESTS.incrementAndGet();
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root.toString()
          .replaceAll("/$", "") + path)).timeout(Duration.ofSeconds(30))
          .method(method, publisher);
      if (contentType != null) {
        request.header("Content-Type", contentType);
      }
      headers.forEach(request::header);
      HttpResponse<String> response = HTTP.send(request.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.headers().firstValue("Content-Type")
          .orElse(null), response.body(), null);
    } catch (HttpTimeoutException ex) {
      return new Answer(0, null, "", "no answer within 30 s (a hang)");
    } catch (IOException ex) {
      if (!overLimit && !retried && String.valueOf(ex.getMessage()).contains("no bytes")) {
        // The server closed a kept-alive connection after a refusal (414, 413) just as the
        // client reused it: a client-side race, so send the request once more.
        return exchange(method, path, publisher, contentType, headers, false, true);
      }
      return overLimit ? new Answer(413, PROBLEM, "{\"status\":413,\"detail\":\"closed\"}",
          null) : new Answer(0, null, "", "I/O error: " + ex);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      return new Answer(0, null, "", "interrupted");
    }
  }

  private static final String PROBLEM = "application/problem+json";

  // ---------------------------------------------------------------------------------------
  // Signing, as the platforms do (computed here, independently of the production code)

  private static Map<String, String> metaSignature(String secret, byte[] body, boolean signed) {
    return Map.of(MetaRequests.SIGNATURE_HEADER, signed ? MetaRequests.sign(secret, body)
        : "sha256=" + "0".repeat(64));
  }

  /**
   * Twilio's X-Twilio-Signature over the parameters the body decodes to; a body that is not
   * valid form data cannot have been signed by Twilio, so it gets a wrong signature.
   */
  private static Map<String, String> twilioSignature(byte[] body, boolean signed) {
    if (!signed) {
      return Map.of("X-Twilio-Signature", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    }
    Map<String, List<String>> params = new TreeMap<>();
    String form = new String(body, StandardCharsets.UTF_8);
    try {
      for (String pair : form.isEmpty() ? new String[0] : form.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq),
            StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1),
            StandardCharsets.UTF_8);
        params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    } catch (IllegalArgumentException e) {
      return Map.of("X-Twilio-Signature", "not-decodable");
    }
    StringBuilder data = new StringBuilder(TWILIO_URL);
    params.forEach((name, values) -> values.stream().sorted().forEach(v -> data.append(name)
        .append(v)));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(TWILIO_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Map.of("X-Twilio-Signature", Base64.getEncoder().encodeToString(mac.doFinal(
          data.toString().getBytes(StandardCharsets.UTF_8))));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------------------------------
  // Inputs

  /** A normal inbound SMS from a fresh number, as Twilio posts it. */
  private static Map<String, String> twilioSms() {
    String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
    Map<String, String> params = new LinkedHashMap<>();
    params.put("MessageSid", sid);
    params.put("SmsSid", sid);
    params.put("AccountSid", "AC" + "0".repeat(32));
    params.put("From", "+447700" + (900000 + Math.floorMod(sid.hashCode(), 99_999)));
    params.put("To", "+447700900000");
    params.put("Body", "hello");
    params.put("NumMedia", "0");
    return params;
  }

  private static String formEncode(Map<String, String> params) {
    StringBuilder sb = new StringBuilder();
    params.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&")
        .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return sb.toString();
  }

  private static final AtomicInteger UNIQUE = new AtomicInteger(1_000_000);

  /** The template with the string as a JSON string literal and fresh ids. */
  private static byte[] fill(String template, String text) {
    String json = template.replace("@S@", jsonString(text));
    while (json.contains("@U@")) {
      json = json.replaceFirst("@U@", Integer.toString(UNIQUE.incrementAndGet()));
    }
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** A JSON string literal with everything outside printable ASCII escaped (any UTF-16). */
  static String jsonString(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || c >= 0x7f) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  private static String query(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String abbrev(String s) {
    return s == null ? "null" : s.length() > 160 ? s.substring(0, 160) + "…(" + s.length()
        + ")" : s;
  }

  /** {@code fuzz/texts.txt}, escapes decoded. */
  static List<String> corpusTexts() {
    List<String> texts = new ArrayList<>();
    for (String line : resource("texts.txt").split("\n", -1)) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      texts.add(unescape(line));
    }
    return texts;
  }

  /** Every file in {@code fuzz/bodies/}, as raw bytes, by name. */
  static Map<String, byte[]> corpusBodies() {
    Map<String, byte[]> bodies = new TreeMap<>();
    Path dir = Path.of("src/test/resources/fuzz/bodies");
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        bodies.put(file.getFileName().toString(), Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertFalse(bodies.isEmpty(), "no corpus bodies in " + dir);
    return bodies;
  }

  private static String resource(String name) {
    try (InputStream in = FuzzEndpointsTest.class.getResourceAsStream("/fuzz/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource fuzz/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String unescape(String line) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c != '\\' || i + 1 >= line.length()) {
        sb.append(c);
        continue;
      }
      char n = line.charAt(++i);
      switch (n) {
        case 'u' -> {
          sb.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
          i += 4;
        }
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case '0' -> sb.append('\0');
        default -> sb.append(n);
      }
    }
    return sb.toString();
  }

  /**
   * Random strings from a seeded generator: mostly arbitrary UTF-16 units (lone surrogates
   * included), with runs of controls, bidi and zero-width characters, combining marks, emoji
   * and ASCII, of lengths from 0 to 1,200 (over the 1,000-character limit now and then).
   */
  static List<String> randomStrings(Random random, int count) {
    String special = "\u0000\u0007\u001b\u007f\u0085\u200b\u200c\u200d\u2028\u202e\u2066"
        + "\ufeff\ufffd\uffff\ud800\udc00";
    List<String> out = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      int length = random.nextInt(10) == 0 ? 1_000 + random.nextInt(200) : random.nextInt(120);
      StringBuilder sb = new StringBuilder(length);
      while (sb.length() < length) {
        switch (random.nextInt(6)) {
          case 0 -> sb.append((char) random.nextInt(0x10000));
          case 1 -> sb.append(special.charAt(random.nextInt(special.length())));
          case 2 -> sb.append((char) (0x300 + random.nextInt(0x70)));
          case 3 -> sb.appendCodePoint(0x1f300 + random.nextInt(0x300));
          default -> sb.append((char) (' ' + random.nextInt(95)));
        }
      }
      out.add(sb.toString());
    }
    return out;
  }
}
