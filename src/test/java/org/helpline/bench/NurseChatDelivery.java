package org.helpline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.helpline.support.SseClient;

/**
 * The nurse chat benchmark ({@code bench/nurse-chat.sh} runs it; not a test): how long a
 * nurse's message takes to reach the person's open stream, on one instance and across two,
 * and what 200 open live chats cost in memory.
 *
 * <pre>
 * prepare DIR                      writes DIR/content (the line open every day) and
 *                                  DIR/staff.txt, and prints the nurse's password
 * latency PERSON_URL NURSE_URL PASSWORD N
 *                                  N nurse messages, 50 ms apart, from NURSE_URL to a person
 *                                  on PERSON_URL; prints p50, p99 and max delivery time
 * streams URL PASSWORD N SECONDS   opens N live chats on URL (each claimed, each with an open
 *                                  person stream), holds them SECONDS, prints how many stayed
 * </pre>
 */
public final class NurseChatDelivery {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private NurseChatDelivery() {
  }

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "prepare" -> prepare(Path.of(args[1]));
      case "latency" -> latency(args[1], args[2], args[3], Integer.parseInt(args[4]));
      case "streams" -> streams(args[1], args[2], Integer.parseInt(args[3]),
          Integer.parseInt(args[4]));
      default -> throw new IllegalArgumentException("prepare, latency or streams");
    }
  }

  /** The packaged content with the line open every day, and a nurse with a fresh password. */
  private static void prepare(Path dir) throws Exception {
    OpenEveryDay.content(dir);
    System.out.println(OpenEveryDay.nurse(dir.resolve("staff.txt")));
  }

  private static void latency(String person, String nurse, String password, int n)
      throws Exception {
    String id = waitingChat(person);
    String handoff = claim(nurse, password, id);
    List<Long> millis = new ArrayList<>();
    List<Long> posts = new ArrayList<>();
    try (SseClient stream = SseClient.open(person + "/api/v1/chat/" + id + "/events", null,
        null)) {
      stream.next(e -> e.data().contains("with_nurse"), Duration.ofSeconds(10));
      for (int i = 0; i < n + 20; i++) {
        String text = "bench message " + i;
        long sent = System.nanoTime();
        staff(nurse, password, "POST", "/api/v1/staff/handoffs/" + handoff + "/messages",
            "{\"text\":\"" + text + "\"}");
        long posted = System.nanoTime();
        stream.next(e -> e.data().contains("\"" + text + "\""), Duration.ofSeconds(30));
        if (i >= 20) {
          // The first 20 warm the code paths up; they are not counted.
          millis.add((System.nanoTime() - sent) / 1_000);
          posts.add((posted - sent) / 1_000);
        }
        Thread.sleep(50);
      }
    }
    long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
    long[] acks = posts.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf("the POST alone (stored and acknowledged): p50 %.1f ms, p99 %.1f ms%n",
        at(acks, 0.50) / 1000.0, at(acks, 0.99) / 1000.0);
    System.out.printf("delivery of %d nurse messages (POST acknowledged and the event read"
        + " from the person's stream): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", sorted.length,
        at(sorted, 0.50) / 1000.0, at(sorted, 0.99) / 1000.0,
        sorted[sorted.length - 1] / 1000.0);
  }

  private static void streams(String url, String password, int n, int seconds)
      throws Exception {
    List<SseClient> open = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = waitingChat(url);
      claim(url, password, id);
      open.add(SseClient.open(url + "/api/v1/chat/" + id + "/events", null, null));
    }
    int ok = 0;
    for (SseClient s : open) {
      ok += s.status() == 200 ? 1 : 0;
    }
    System.out.println("opened " + ok + " of " + n + " live chat streams; holding " + seconds
        + " s");
    System.out.flush();
    Thread.sleep(seconds * 1000L);
    int alive = 0;
    for (SseClient s : open) {
      alive += s.keepAlives() > 0 ? 1 : 0;
      s.close();
    }
    System.out.println(alive + " of " + n + " streams got keep-alives while held");
  }

  private static long at(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }

  private static String waitingChat(String url) throws Exception {
    String id = chat(url, Map.of("text", "can I speak to a nurse please"))
        .path("conversationId").asText();
    chat(url, Map.of("conversationId", id, "payload", "nurse_chat"));
    return id;
  }

  private static String claim(String url, String password, String conversationId)
      throws Exception {
    for (JsonNode h : staff(url, password, "GET", "/api/v1/staff/handoffs", null)) {
      if (conversationId.equals(h.path("conversationId").asText())) {
        String id = h.path("id").asText();
        staff(url, password, "POST", "/api/v1/staff/handoffs/" + id + "/claim", null);
        return id;
      }
    }
    throw new IllegalStateException("the chat is not in the queue");
  }

  private static JsonNode chat(String url, Map<String, String> body) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/chat"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("chat: " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body());
  }

  private static JsonNode staff(String url, String password, String method, String path,
      String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).header(
        "Authorization", "Basic " + Base64.getEncoder().encodeToString(("nurse:" + password)
            .getBytes(StandardCharsets.UTF_8)));
    b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
        : b.header("Content-Type", "application/json").method(method,
            HttpRequest.BodyPublishers.ofString(json));
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(method + " " + path + ": " + r.statusCode());
    }
    return JSON.readTree(r.body());
  }
}
