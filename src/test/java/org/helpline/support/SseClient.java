package org.helpline.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A server-sent events client for tests, over the JDK's HTTP client: it reads a real stream
 * line by line on a thread of its own and parses the events (id, event, data; comments are
 * counted as keep-alives).
 */
public final class SseClient implements AutoCloseable {

  /** One event as it arrived. */
  public record Event(String id, String name, String data) {
  }

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final CompletableFuture<HttpResponse<Stream<String>>> response;
  private volatile int keepAlives;
  private volatile Stream<String> lines;

  private SseClient(HttpRequest request) {
    response = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    response.thenAccept(r -> {
      if (r.statusCode() == 200) {
        Thread t = new Thread(() -> read(r.body()), "sse-client");
        t.setDaemon(true);
        t.start();
      }
    });
  }

  /** Opens a stream; {@code lastEventId} and {@code basicAuth} ("name:password") may be null. */
  public static SseClient open(String url, String lastEventId, String basicAuth) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
        .header("Accept", "text/event-stream").GET();
    if (lastEventId != null) {
      b.header("Last-Event-ID", lastEventId);
    }
    if (basicAuth != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          basicAuth.getBytes(StandardCharsets.UTF_8)));
    }
    return new SseClient(b.build());
  }

  /** The response's status code, waiting for it. */
  public int status() throws Exception {
    return response.get(10, TimeUnit.SECONDS).statusCode();
  }

  /** The response's content type. */
  public String contentType() throws Exception {
    return response.get(10, TimeUnit.SECONDS).headers().firstValue("Content-Type").orElse("");
  }

  /** How many keep-alive comments arrived. */
  public int keepAlives() {
    return keepAlives;
  }

  /** The next event that matches, skipping others; fails after the timeout. */
  public Event next(Predicate<Event> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      Event e = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
      if (e == null) {
        throw new AssertionError("no matching event within " + timeout);
      }
      if (wanted.test(e)) {
        return e;
      }
    }
  }

  /** Every event that arrives within the time, in order. */
  public List<Event> drain(Duration quiet) throws InterruptedException {
    List<Event> out = new ArrayList<>();
    Event e;
    while ((e = events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
      out.add(e);
    }
    return out;
  }

  private void read(Stream<String> body) {
    lines = body;
    String id = null;
    String name = null;
    StringBuilder data = new StringBuilder();
    try {
      for (String line : (Iterable<String>) body::iterator) {
        if (line.isEmpty()) {
          if (data.length() > 0 || name != null) {
            events.add(new Event(id, name == null ? "message" : name, data.toString()));
          }
          id = null;
          name = null;
          data.setLength(0);
        } else if (line.startsWith(":")) {
          keepAlives++;
        } else if (line.startsWith("id:")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("event:")) {
          name = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          if (data.length() > 0) {
            data.append('\n');
          }
          data.append(line.substring(5).strip());
        }
      }
    } catch (RuntimeException e) {
      // Closed by the test, or by the server.
    }
  }

  @Override
  public void close() {
    response.cancel(true);
    Stream<String> open = lines;
    if (open != null) {
      open.close();
    }
  }
}
