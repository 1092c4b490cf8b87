package org.helpline.staff.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The staff console's files are served with strict headers: a Content-Security-Policy that
 * allows no inline script or style and nothing from other sites, no referrer, no MIME
 * sniffing, never cached. And the page itself needs no inline script to work under it.
 */
@QuarkusTest
class StaffConsoleHeadersTest {

  static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
      + " connect-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none';"
      + " frame-ancestors 'none'; form-action 'none'";

  @ParameterizedTest
  @ValueSource(strings = {"/staff/", "/staff/index.html", "/staff/staff.js", "/staff/staff.css",
      "/staff/content.js", "/staff/dialog-yaml.js"})
  void everyFileHasTheStrictHeaders(String path) {
    given().when().get(path).then().statusCode(200)
        .header("Content-Security-Policy", equalTo(POLICY))
        .header("X-Content-Type-Options", equalTo("nosniff"))
        .header("Referrer-Policy", equalTo("no-referrer"))
        .header("Cache-Control", equalTo("no-store"));
  }

  @Test
  void thePageHasNoInlineScriptStyleOrEventHandlers() {
    String html = given().when().get("/staff/").then().statusCode(200)
        .contentType(containsString("text/html"))
        .body(containsString("<script src=\"staff.js\" defer></script>"))
        .extract().asString();
    assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE)
        .matcher(html).find(), "no inline <script>");
    assertFalse(Pattern.compile("<style|\\sstyle=", Pattern.CASE_INSENSITIVE).matcher(html)
        .find(), "no inline style");
    assertFalse(Pattern.compile("\\son[a-z]+=", Pattern.CASE_INSENSITIVE).matcher(html).find(),
        "no inline event handlers");
    assertFalse(Pattern.compile("(src|href)=\"(https?:)?//", Pattern.CASE_INSENSITIVE)
        .matcher(html).find(), "nothing loaded from another site");
  }

  @Test
  void theStaffApiItselfStillNeedsASignIn() {
    given().when().get("/api/v1/staff/me").then().statusCode(401);
  }
}
