package org.helpline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Every kind of response carries the security headers: an API reply, a problem document (4xx,
 * including the body limit's 413), the widget's demo page (its own policy, exactly one), a
 * static file, a 404, a 405, health and a refused staff sign-in. None shows a stack trace, a
 * framework's error page or a Server banner, not even the bare refusals of the HTTP codec.
 */
@QuarkusTest
class SecurityHeadersTest {

  static final String DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'";
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  @TestHTTPResource("/")
  URL root;

  @Test
  void anApiReplyAllowsNothing() throws Exception {
    HttpResponse<String> r = post("/api/v1/chat", "{\"text\":\"what are checkpoint inhibitors\"}");
    assertEquals(200, r.statusCode());
    assertSecure(r, DEFAULT_CSP);
  }

  @Test
  void aProblemDocumentAllowsNothingAndShowsNoStack() throws Exception {
    HttpResponse<String> r = post("/api/v1/chat", "{\"text\": ");
    assertEquals(400, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(Problem.MEDIA_TYPE));
    assertSecure(r, DEFAULT_CSP);
    assertNoInternals(r.body());
  }

  @Test
  void aBodyOverTheLimitGetsAProblemWithTheHeaders() throws Exception {
    HttpResponse<String> r = post("/api/v1/chat", "{\"text\":\"" + "a".repeat(70_000) + "\"}");
    assertEquals(413, r.statusCode());
    assertSecure(r, DEFAULT_CSP);
    assertNoInternals(r.body());
  }

  @Test
  void theDemoPageKeepsItsOwnSinglePolicy() throws Exception {
    for (String path : List.of("/", "/index.html")) {
      HttpResponse<String> r = get(path);
      assertEquals(200, r.statusCode(), path);
      List<String> csp = r.headers().allValues("Content-Security-Policy");
      assertEquals(1, csp.size(), path + ": one policy, not the default next to the page's");
      assertTrue(csp.get(0).contains("script-src 'self';"), csp.get(0));
      assertFalse(csp.get(0).matches(".*script-src[^;]*unsafe-inline.*"), csp.get(0));
      assertTrue(csp.get(0).contains("frame-ancestors 'none'"), csp.get(0));
      assertSecure(r, csp.get(0));
    }
  }

  @Test
  void staticFilesAllowNothing() throws Exception {
    for (String path : List.of("/widget.js", "/widget.css")) {
      HttpResponse<String> r = get(path);
      assertEquals(200, r.statusCode(), path);
      assertSecure(r, DEFAULT_CSP);
    }
  }

  @Test
  void unknownAddressesGetAProblemNotAFrameworkPage() throws Exception {
    for (String path : List.of("/no-such-page", "/api/v1/no-such-thing", "/q/no-such-thing",
        "/widget.js/../../etc/passwd")) {
      HttpResponse<String> r = get(path);
      assertEquals(404, r.statusCode(), path);
      assertSecure(r, DEFAULT_CSP);
      assertNoInternals(r.body());
    }
  }

  @Test
  void aWrongMethodGetsAProblemWithTheHeaders() throws Exception {
    HttpResponse<String> r = get("/api/v1/chat");
    assertEquals(405, r.statusCode());
    assertSecure(r, DEFAULT_CSP);
    assertNoInternals(r.body());
  }

  @Test
  void healthAndARefusedSignInCarryTheHeaders() throws Exception {
    assertSecure(get("/q/health/live"), DEFAULT_CSP);
    HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/v1/staff/me"))
        .header("Authorization", "Basic bnVyc2U6d3Jvbmc=").GET());
    assertEquals(401, r.statusCode());
    assertSecure(r, DEFAULT_CSP);
  }

  @Test
  void theCodecsOwnRefusalsShowNoBanner() throws Exception {
    String longLine = "GET /" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\n"
        + "Connection: close\r\n\r\n";
    String hugeHeader = "GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(40_000)
        + "\r\nConnection: close\r\n\r\n";
    for (String request : List.of(longLine, hugeHeader)) {
      String answer = raw(request);
      String status = answer.lines().findFirst().orElse("");
      assertTrue(status.matches("HTTP/1\\.[01] 4(14|31) .*"), answer);
      String lower = answer.toLowerCase(Locale.ROOT);
      assertFalse(lower.contains("\nserver:"), answer);
      assertNoInternals(answer);
    }
  }

  /** The headers every response must have, and no banner. */
  static void assertSecure(HttpResponse<?> r, String csp) {
    String where = r.request().method() + " " + r.uri().getPath() + " (" + r.statusCode() + ")";
    assertEquals(List.of("nosniff"), r.headers().allValues("X-Content-Type-Options"), where);
    assertEquals(List.of("no-referrer"), r.headers().allValues("Referrer-Policy"), where);
    assertEquals(List.of(csp), r.headers().allValues("Content-Security-Policy"), where);
    assertTrue(r.headers().firstValue("Server").isEmpty(), where + ": Server header");
    assertTrue(r.headers().firstValue("X-Powered-By").isEmpty(), where + ": X-Powered-By");
  }

  static void assertNoInternals(String body) {
    String lower = body.toLowerCase(Locale.ROOT);
    for (String tell : List.of("exception", "\tat ", "at org.", "at io.", "vert.x", "vertx",
        "netty", "quarkus", "resteasy", "jackson", "resource not found", "<html")) {
      assertFalse(lower.contains(tell), "'" + tell + "' in: " + body);
    }
  }

  private URI uri(String path) {
    return URI.create(root.toString().replaceAll("/$", "") + path);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Sends bytes the Java client would refuse to, and reads the whole answer. */
  private String raw(String request) throws IOException {
    try (Socket socket = new Socket(root.getHost(), root.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
