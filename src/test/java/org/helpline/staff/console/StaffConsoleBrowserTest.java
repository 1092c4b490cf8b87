package org.helpline.staff.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.helpline.staff.editor.LiveContentDirectory;
import org.helpline.support.ChromiumBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The staff console in a real browser (Debian's Chromium, headless) against the real bot: people
 * chat through the real {@code /api/v1/chat}, nurses and editors sign in to {@code /staff/} and
 * do their work there. Runs on a content directory of its own, so an editor can reload it.
 * Skipped when Chromium is not installed ({@code apt-get install chromium chromium-driver}).
 */
@QuarkusTest
@TestProfile(LiveContentDirectory.Profile.class)
class StaffConsoleBrowserTest extends ChromiumBrowserTest {

  /** Written on every run; docs/staff-console.png is a reviewed copy. */
  private static final Path SCREENSHOT = Path.of("target", "staff-console.png");
  private static final String PHONE = "07700 900123";

  @TestHTTPResource("/staff/")
  URL console;

  @Test
  void aNurseReadsTheRedactedTranscriptClaimsAndClosesAHandoff() {
    String conversation = personAsksForANurse();

    signIn("nurse", "nurse-test-pw");
    assertEquals("console-title", activeElementId(), "focus moves to the console");
    assertTrue(shown("queue") && shown("triage"));
    assertFalse(shown("unrecognised") || shown("feedback") || shown("content"),
        "a nurse does not see the editors' sections");
    assertEquals(0, driver.findElements(By.id("content-reload")).stream()
        .filter(WebElement::isDisplayed).count());

    WebElement entry = entryFor(conversation);
    assertTrue(entry.getText().contains("Asked for a nurse"), entry.getText());
    assertTrue(entry.getText().contains("Routine"), entry.getText());
    assertTrue(entry.getText().contains("waiting"), entry.getText());
    assertTrue(entry.getText().contains("Open, not claimed yet"), entry.getText());

    entry.findElement(By.cssSelector(".transcript-button")).click();
    wait.until(d -> shown("transcript"));
    assertEquals("transcript-title", activeElementId());
    String transcript = driver.findElement(By.id("transcript")).getText();
    assertTrue(transcript.contains("my number is [phone]"), transcript);
    assertFalse(transcript.contains(PHONE), "the number the person typed is redacted");
    assertTrue(transcript.contains("can i speak to a nurse please"), transcript);

    entry.findElement(By.cssSelector(".claim-button")).click();
    wait.until(d -> message("queue-message").contains("You have claimed"));
    entry = entryFor(conversation);
    String id = entry.getDomAttribute("data-handoff-id");
    assertTrue(entry.getText().contains("Claimed by you"), entry.getText());
    assertTrue(entry.findElements(By.cssSelector(".claim-button")).isEmpty());
    assertEquals("outcome-" + id, activeElementId(), "focus moves to the outcome");

    driver.switchTo().activeElement().sendKeys("Rang back, talked it through.");
    entry.findElement(By.cssSelector(".close-button")).click();
    wait.until(d -> message("queue-message").contains("Handoff closed"));
    assertTrue(driver.findElements(By.cssSelector("[data-handoff-id='" + id + "']")).isEmpty(),
        "a closed handoff leaves the open queue");

    new Select(driver.findElement(By.id("queue-status"))).selectByVisibleText("Closed");
    WebElement closed = entryFor(conversation);
    assertTrue(closed.getText().contains("Closed by nurse"), closed.getText());
    assertTrue(closed.getText().contains("Outcome: Rang back, talked it through."),
        closed.getText());

    driver.findElement(By.id("sign-out")).click();
    wait.until(d -> d.findElement(By.id("sign-in-name")).isDisplayed());
    assertFalse(driver.findElement(By.id("console")).isDisplayed());
    assertEquals(0L, js().executeScript("return document.querySelectorAll('.entry').length"),
        "nothing of the queue is left on the page");
    assertEquals(0L, js().executeScript("return localStorage.length + sessionStorage.length"),
        "credentials are never stored");
  }

  @Test
  void aSecondNurseIsToldClearlyThatTheHandoffIsTaken() {
    String conversation = personAsksForANurse();
    // Her queue does not hear of the claim (its live updates are cut off), so she tries.
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand("Network.setBlockedURLs",
        Map.of("urls", List.of("*/api/v1/staff/handoffs/events")));
    signIn("nurse2", "nurse2-test-pw");
    WebElement entry = entryFor(conversation);
    String id = entry.getDomAttribute("data-handoff-id");

    // Meanwhile the first nurse claims it from her own console.
    given().auth().preemptive().basic("nurse", "nurse-test-pw")
        .when().post("/api/v1/staff/handoffs/" + id + "/claim").then().statusCode(200);
    entry.findElement(By.cssSelector(".claim-button")).click();

    wait.until(d -> message("queue-message").contains("Not claimed"));
    WebElement alert = driver.findElement(By.id("queue-message"));
    assertEquals("alert", alert.getDomAttribute("role"));
    assertTrue(alert.getText().contains("another nurse (nurse) has already claimed"),
        alert.getText());
    entry = entryFor(conversation);
    assertTrue(entry.getText().contains("Claimed by nurse"), entry.getText());
    assertTrue(entry.findElements(By.cssSelector(".claim-button, .close-form")).isEmpty(),
        "nurse2 can neither claim nor close it");
  }

  @Test
  void theQueueShowsNewAndClaimedHandoffsWithoutARefresh() {
    signIn("nurse", "nurse-test-pw");
    String conversation = personAsksForANurse();
    WebElement entry = entryFor(conversation);
    assertTrue(entry.getText().contains("Open, not claimed yet"), entry.getText());
    wait.until(d -> message("queue-live").startsWith("New in the queue: Asked for a nurse"));
    String id = entry.getDomAttribute("data-handoff-id");

    given().auth().preemptive().basic("nurse2", "nurse2-test-pw")
        .when().post("/api/v1/staff/handoffs/" + id + "/claim").then().statusCode(200);
    wait.until(d -> entryFor(conversation).getText().contains("Claimed by nurse2"));
    assertTrue(entryFor(conversation).findElements(By.cssSelector(".claim-button, .close-form"))
        .isEmpty(), "no claim or close for a handoff another nurse has");

    given().auth().preemptive().basic("nurse2", "nurse2-test-pw").contentType(ContentType.JSON)
        .body(Map.of("outcome", "Called back.")).when()
        .post("/api/v1/staff/handoffs/" + id + "/close").then().statusCode(200);
    wait.until(d -> d.findElements(By.cssSelector("[data-handoff-id='" + id + "']")).isEmpty());
  }

  @Test
  void theTriageBoxShowsUrgencyRuleTopicsContentAndNextStepsOnANarrowScreen()
      throws IOException {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 360,
        "height", 740, "deviceScaleFactor", 1, "mobile", true));
    signIn("nurse", "nurse-test-pw");

    triage("I've found a lump in my neck that wasn't there last month");
    assertEquals("No safety rule fired.", driver.findElement(By.id("triage-rule")).getText());
    String route = driver.findElement(By.id("triage-route")).getText();
    assertTrue(route.contains("Worrying symptom"), route);
    assertEquals("Urgent (same day)", driver.findElement(By.id("triage-urgency")).getText());

    triage("my dad has collapsed and hes not breathing");
    assertEquals("Emergency", driver.findElement(By.id("triage-urgency")).getText());
    String rule = driver.findElement(By.id("triage-rule")).getText();
    assertTrue(rule.startsWith("Safety rule fired:") && rule.contains("medical_emergency"),
        rule);
    assertFalse(driver.findElements(By.cssSelector("#triage-steps li")).isEmpty());

    triage("what are the side effects of checkpoint inhibitors");
    assertEquals("No safety rule fired.", driver.findElement(By.id("triage-rule")).getText());
    List<WebElement> intents = driver.findElements(By.cssSelector("#triage-intents li"));
    assertFalse(intents.isEmpty());
    assertTrue(intents.get(0).getText().matches("(?s).*\\d+ %.*"), intents.get(0).getText());
    WebElement content = driver.findElement(By.cssSelector("#triage-content .content-item"));
    assertTrue(content.getText().contains("awaiting clinical review"), content.getText());
    assertTrue(content.findElement(By.cssSelector("a")).getDomAttribute("href")
        .startsWith("https://"));
    assertFalse(driver.findElements(By.cssSelector("#triage-steps li")).isEmpty());

    Map<?, ?> widths = (Map<?, ?>) js().executeScript("return {inner: window.innerWidth,"
        + " scroll: document.documentElement.scrollWidth,"
        + " client: document.documentElement.clientWidth}");
    assertEquals(360L, ((Number) widths.get("inner")).longValue());
    assertTrue(((Number) widths.get("scroll")).intValue()
        <= ((Number) widths.get("client")).intValue(), "no sideways scrolling: " + widths);
    // For a look by eye; not committed.
    Files.write(Path.of("target", "staff-console-360.png"),
        driver.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void anEditorSeesUnrecognisedQuestionsAndFeedbackAndReloadsContent() {
    String question = "where can i park my bicycle in town";
    chat(null, question).body("action", oneOf("fallback", "clarify"));
    Map<String, Object> answer = chat(null, "what are checkpoint inhibitors")
        .body("action", equalTo("answer")).extract().as(Map.class);
    given().contentType(ContentType.JSON).body(Map.of("conversationId",
        answer.get("conversationId"), "turn", answer.get("turn"), "helpful", false,
        "comment", "I wanted to know how long they are given for"))
        .when().post("/api/v1/chat/feedback").then().statusCode(204);

    signIn("editor", "editor-test-pw");
    assertTrue(shown("unrecognised") && shown("feedback") && shown("content"));
    assertFalse(shown("queue") || shown("triage"), "an editor does not see the nurses' queue");

    wait.until(d -> d.findElement(By.id("unrecognised-list")).getText().contains(question));
    wait.until(d -> d.findElement(By.id("feedback-list")).getText()
        .contains("I wanted to know how long they are given for"));
    assertTrue(driver.findElement(By.id("feedback-list")).getText()
        .contains("checkpoint_inhibitors"));

    driver.findElement(By.id("content-reload")).click();
    wait.until(d -> message("content-message").startsWith("Content reloaded"));
    assertTrue(driver.findElement(By.id("content-message")).getText().contains("topics"));
  }

  @Test
  void anAdminSeesEverySection() throws IOException {
    String conversation = personAsksForANurse();
    signIn("admin", "admin-test-pw");
    for (String section : List.of("queue", "triage", "unrecognised", "feedback", "content")) {
      assertTrue(shown(section), section);
    }
    entryFor(conversation).findElement(By.cssSelector(".transcript-button")).click();
    wait.until(d -> shown("transcript"));
    triage("what are the side effects of checkpoint inhibitors");

    driver.manage().window().setSize(new Dimension(1280, 1500));
    js().executeScript("window.scrollTo(0, 0)");
    Files.createDirectories(SCREENSHOT.getParent());
    Files.write(SCREENSHOT, driver.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void aWrongPasswordIsRefusedWithAMessage() {
    driver.get(console.toString());
    wait.until(d -> d.findElement(By.id("sign-in-name")).isDisplayed());
    driver.findElement(By.id("sign-in-name")).sendKeys("nurse");
    driver.findElement(By.id("sign-in-password")).sendKeys("not-the-password" + Keys.ENTER);
    wait.until(d -> !message("sign-in-error").isEmpty());
    assertTrue(message("sign-in-error").contains("did not match"),
        message("sign-in-error"));
    assertEquals("alert", driver.findElement(By.id("sign-in-error")).getDomAttribute("role"));
    assertFalse(driver.findElement(By.id("console")).isDisplayed());
    assertEquals("sign-in-password", activeElementId());
    assertEquals("", driver.findElement(By.id("sign-in-password")).getDomProperty("value"));
  }

  // ------------------------------------------------------------------ the person's side

  private static ValidatableResponse chat(String conversationId, String text) {
    Map<String, Object> body = new HashMap<>();
    body.put("text", text);
    if (conversationId != null) {
      body.put("conversationId", conversationId);
    }
    return given().contentType(ContentType.JSON).body(body)
        .when().post("/api/v1/chat").then().statusCode(200);
  }

  /** A person gives a phone number, then asks for a nurse; returns the conversation id. */
  private static String personAsksForANurse() {
    String id = chat(null, "my number is " + PHONE).extract().path("conversationId");
    chat(id, "can i speak to a nurse please").body("action", equalTo("handoff"));
    return id;
  }

  // ------------------------------------------------------------------ the console

  private void signIn(String name, String password) {
    driver.get(console.toString());
    wait.until(d -> d.findElement(By.id("sign-in-name")).isDisplayed());
    assertEquals("sign-in-name", activeElementId(), "the name field has focus");
    driver.findElement(By.id("sign-in-name")).sendKeys(name);
    driver.findElement(By.id("sign-in-password")).sendKeys(password + Keys.ENTER);
    wait.until(d -> d.findElement(By.id("console")).isDisplayed());
    assertEquals("Signed in as " + name, driver.findElement(By.id("who-name")).getText());
  }

  private boolean shown(String id) {
    return driver.findElement(By.id(id)).isDisplayed();
  }

  private String message(String id) {
    return driver.findElement(By.id(id)).getText();
  }


  /** The queue entry of a conversation; the console shows its id's first 8 characters. */
  private WebElement entryFor(String conversationId) {
    By by = By.xpath("//ol[@id='queue-list']/li[.//p[contains(@class,'meta')]"
        + "[contains(., 'conversation " + conversationId.substring(0, 8) + "')]]");
    return wait.until(d -> d.findElements(by).stream().findFirst().orElse(null));
  }

  private void triage(String text) {
    WebElement box = driver.findElement(By.id("triage-text"));
    box.clear();
    box.sendKeys(text);
    String before = message("triage-message");
    driver.findElement(By.cssSelector("#triage-form button[type='submit']")).click();
    wait.until(d -> message("triage-message").startsWith("Urgency")
        && !message("triage-message").equals(before));
  }
}
