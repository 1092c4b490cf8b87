package org.helpline.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A site that embeds the demo page in a frame is named in {@code helpline.web.frame-ancestors};
 * the page's policy then allows exactly that site, and everything else still allows no frame.
 */
@QuarkusTest
@TestProfile(FrameAncestorsTest.PartnerSite.class)
class FrameAncestorsTest {

  static final String PARTNERS = "https://www.example.org https://*.partner.example.net";

  /** The demo page may be framed by two partner sites. */
  public static class PartnerSite implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("helpline.web.frame-ancestors", PARTNERS);
    }
  }

  @TestHTTPResource("/")
  URL root;

  @Test
  void theDemoPageMayBeFramedByTheListedSitesOnly() throws Exception {
    HttpResponse<String> page = get("");
    List<String> csp = page.headers().allValues("Content-Security-Policy");
    assertEquals(1, csp.size());
    assertTrue(csp.get(0).contains("; frame-ancestors " + PARTNERS + ";"), csp.get(0));
    SecurityHeadersTest.assertSecure(page, csp.get(0));
    SecurityHeadersTest.assertSecure(get("api/v1/no-such-thing"),
        SecurityHeadersTest.DEFAULT_CSP);
  }

  @Test
  void onlyAPlainSourceListIsAccepted() {
    for (String good : List.of("'none'", "'self'", "https://www.example.org",
        "'self' https://a.example.org:8443 https://*.example.net/path/", "https:")) {
      assertDoesNotThrow(() -> SecurityHeaders.checkFrameAncestors(good), good);
    }
    for (String bad : List.of("", "'none' https://a.example.org",
        "https://a.example.org; script-src *", "https://a.example.org, https://b.example.org",
        "'unsafe-inline'", "https://a.example.org\r\nX-Injected: 1")) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> SecurityHeaders.checkFrameAncestors(bad), bad);
      assertTrue(e.getMessage().startsWith("helpline.web.frame-ancestors must be"));
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(root + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
