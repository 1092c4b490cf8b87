package org.helpline.channel.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A tiny local Graph API on 127.0.0.1 (and Telegram's {@code sendMessage} and Twilio's
 * Messages API, under {@link #root}) that records every send and answers 200, or 500, or 400,
 * or never, for chosen recipients (so tests that run one after another, with sends still in
 * flight, never disturb each other).
 *
 * <p>Tests read the recordings and set the behaviour over HTTP too ({@code /__stub/...}), and
 * only the port is kept in a system property: the test profile that starts the stub and the
 * test that reads it may be loaded by different class loaders (Quarkus loads tests in its
 * own), and both must reach the same server.
 */
public final class GraphApiStub {

  private static final String PORT_PROPERTY = "org.helpline.test.graph-api-stub.port";
  private static final String CONTROL = "/__stub/";
  private static final String FAIL = "fail";
  private static final String REFUSE = "refuse";
  private static final String HANG = "hang";
  private static final String RELEASE = "release";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** One request the stub received. */
  public record Sent(String path, String authorization, JsonNode body, int status) {

    /** Whether the stub answered 200: the platform took it. */
    public boolean delivered() {
      return status == 200;
    }
  }

  private GraphApiStub() {
  }

  /** The Graph API base URL to configure, with its version path (starts the stub). */
  public static String baseUrl() {
    return root() + "/v21.0";
  }

  /** The stub's root URL, for the Telegram Bot API and Twilio's REST API (starts the stub). */
  public static String root() {
    synchronized (System.getProperties()) {
      String port = System.getProperty(PORT_PROPERTY);
      if (port == null) {
        port = Integer.toString(start());
        System.setProperty(PORT_PROPERTY, port);
      }
      return "http://127.0.0.1:" + port;
    }
  }

  /**
   * Every request sent to this recipient (WhatsApp {@code to}, Messenger recipient id,
   * Telegram {@code chat_id}, Twilio {@code To}). A Twilio request's form body is recorded as
   * a JSON object of its fields.
   */
  public static List<Sent> sentTo(String recipient) {
    JsonNode all = parse(control("GET", "requests", recipient));
    List<Sent> sent = new ArrayList<>();
    for (JsonNode r : all) {
      sent.add(new Sent(r.path("path").asText(), r.path("authorization").asText(),
          parse(r.path("body").asText()), r.path("status").asInt()));
    }
    return sent;
  }

  /**
   * Waits (polling, up to {@code timeout}) until this recipient has been sent at least
   * {@code count} requests, and returns them all.
   */
  public static List<Sent> awaitSends(String recipient, int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Sent> sent = sentTo(recipient);
    while (sent.size() < count && System.nanoTime() < deadline) {
      pause(50);
      sent = sentTo(recipient);
    }
    return sent;
  }

  /** Answers every later send to this recipient with 400: the platform refuses it. */
  public static void refuseFor(String recipient) {
    control("POST", REFUSE, recipient);
  }

  /** Answers every later send to this recipient with 500. */
  public static void failFor(String recipient) {
    control("POST", FAIL, recipient);
  }

  /** Never answers a later send to this recipient (until the caller gives up). */
  public static void hangFor(String recipient) {
    control("POST", HANG, recipient);
  }

  /**
   * Answers later sends to this recipient with 200 again, and lets the sends it is holding
   * (after {@link #hangFor}) finish.
   */
  public static void release(String recipient) {
    control("POST", RELEASE, recipient);
  }

  /** Sleeps, for tests that must show that nothing happens. */
  public static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String control(String method, String action, String recipient) {
    URI uri = URI.create(root() + CONTROL + action + "?recipient="
        + URLEncoder.encode(recipient, StandardCharsets.UTF_8));
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri)
          .method(method, HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int start() {
    List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    Map<String, String> behaviour = new ConcurrentHashMap<>();
    try {
      HttpServer server = HttpServer.create(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
      server.createContext("/", exchange -> {
        try (exchange) {
          if (exchange.getRequestURI().getPath().startsWith(CONTROL)) {
            control(exchange, requests, behaviour);
          } else {
            send(exchange, requests, behaviour);
          }
        } catch (IOException | RuntimeException e) {
          // The client gave up (a timeout): nothing to answer.
        }
      });
      server.setExecutor(Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "graph-api-stub");
        t.setDaemon(true);
        return t;
      }));
      server.start();
      return server.getAddress().getPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void control(HttpExchange exchange, List<Map<String, String>> requests,
      Map<String, String> behaviour) throws IOException {
    String action = exchange.getRequestURI().getPath().substring(CONTROL.length());
    String query = exchange.getRequestURI().getRawQuery();
    String recipient = URLDecoder.decode(query.substring(query.indexOf('=') + 1),
        StandardCharsets.UTF_8);
    String answer = "{}";
    if (action.equals("requests")) {
      answer = JSON.writeValueAsString(requests.stream()
          .filter(r -> recipient.equals(r.get("recipient"))).toList());
    } else {
      behaviour.put(recipient, action);
    }
    respond(exchange, 200, answer);
  }

  private static void send(HttpExchange exchange, List<Map<String, String>> requests,
      Map<String, String> behaviour) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
      body = JSON.writeValueAsString(form(body));
    }
    String recipient = recipient(body);
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    String mode = behaviour.getOrDefault(recipient, "");
    requests.add(Map.of("path", exchange.getRequestURI().getPath(),
        "authorization", auth == null ? "" : auth, "body", body, "recipient", recipient,
        "status", mode.equals(REFUSE) ? "400" : mode.equals(FAIL) ? "500"
            : mode.equals(HANG) ? "0" : "200"));
    if (mode.equals(HANG)) {
      long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (HANG.equals(behaviour.get(recipient)) && System.nanoTime() < until) {
        pause(20);
      }
    }
    if (mode.equals(REFUSE)) {
      respond(exchange, 400, "{\"error\":{\"message\":\"(#100) The user is not reachable\","
          + "\"code\":100}}");
    } else if (mode.equals(FAIL)) {
      respond(exchange, 500, "{\"error\":{\"message\":\"An unexpected error has occurred."
          + " Please retry your request later.\",\"type\":\"OAuthException\","
          + "\"is_transient\":true,\"code\":2,\"fbtrace_id\":\"AbCdEfGhIjK\"}}");
    } else {
      respond(exchange, 200, "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":"
          + "\"wamid.stub\"}],\"recipient_id\":\"" + recipient + "\",\"message_id\":"
          + "\"m_stub\"}");
    }
  }

  private static void respond(HttpExchange exchange, int status, String answer)
      throws IOException {
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String recipient(String body) {
    JsonNode node = parse(body);
    if (node.hasNonNull("to")) {
      return node.get("to").asText();
    }
    if (node.hasNonNull("chat_id")) {
      return node.get("chat_id").asText();
    }
    if (node.hasNonNull("To")) {
      return node.get("To").asText();
    }
    return node.path("recipient").path("id").asText("");
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return fields;
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}
