package org.helpline.staff.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.helpline.support.ChatTranscripts.assertOnceInOrder;
import static org.helpline.support.ChatTranscripts.count;
import static org.helpline.support.ChatTranscripts.settle;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.helpline.support.ChromiumBrowserTest;
import org.helpline.support.CuttableTcpProxy;
import org.helpline.support.OpenLine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person in the web chat widget and a nurse in the staff console, two real browsers
 * (Debian's Chromium, headless) on the real backend, while the line is open ({@link OpenLine}):
 * the person asks for a nurse, the nurse claims the chat and they talk both ways; a reload
 * mid-chat shows every message once, in order; an emergency typed mid-chat gets 999 guidance at
 * once and alerts the nurse; the nurse hands back to the bot, which answers again; a waiting
 * person's place in the queue moves; both sides catch up once after their connections drop.
 * Skipped when Chromium is not installed ({@code apt-get install chromium chromium-driver}).
 */
@QuarkusTest
@TestProfile(OpenLine.class)
class NurseChatBrowserTest extends ChromiumBrowserTest {

  @TestHTTPResource("/")
  URL home;

  @TestHTTPResource("/staff/")
  URL console;

  /** The nurse's browser; {@link #driver} is the person's. */
  private ChromeDriver nurse;
  private WebDriverWait nurseWait;

  @BeforeEach
  void secondBrowser() throws IOException {
    nurse = newBrowser();
    nurseWait = new WebDriverWait(nurse, Duration.ofSeconds(15));
  }

  @Test
  void aPersonAndANurseChatBothWaysInTheWidgetAndTheConsole() throws IOException {
    // The nurse is signed in first: the person's request reaches her queue without a refresh.
    signInNurse();
    openWidget();
    String conversation = askForANurseChat();
    nurseWait.until(d -> entryFor(conversation).getText().contains("Live chat: waiting"));
    String live = liveBar();
    assertTrue(live.matches("You are number \\d+ in the queue for a nurse\\..*"), live);

    claim(conversation);
    wait.until(d -> logText().contains("A nurse has joined"));
    wait.until(d -> liveBar().equals("You are chatting with a nurse."));
    assertTrue(driver.findElements(By.cssSelector(".hlw-nurse")).stream()
        .noneMatch(WebElement::isDisplayed), "no 'Talk to a nurse' while talking to one");

    nurseSays("Hello, I'm Sam, one of the nurses. How can I help?");
    WebElement bubble = wait.until(d -> nurseBubble("How can I help?"));
    assertTrue(bubble.getText().startsWith("Nurse"), "labelled as the nurse's: "
        + bubble.getText());
    assertFalse(bubble.getDomAttribute("class").contains("hlw-msg-bot"), "not the bot's");

    personSays("I'm worried about my scan next week");
    nurseWait.until(d -> chatLog().contains("I'm worried about my scan next week"));
    assertTrue(chatLog().contains("Person"), chatLog());
    settle();
    assertEquals(1, count(logText(), "I'm worried about my scan next week"),
        "the person's message is shown once, though it comes back on the stream");
    assertTrue(driver.findElements(By.cssSelector(".hlw-msg-bot")).stream()
        .noneMatch(b -> b.getText().contains("went wrong")), "a relayed message shows nothing");

    // The nurse gets it redacted, as stored; the person still sees what they wrote, once.
    personSays("you can ring me on 07700 900123 after 4");
    nurseWait.until(d -> chatLog().contains("you can ring me on [phone] after 4"));
    settle();
    assertEquals(1, count(logText(), "you can ring me on 07700 900123 after 4"), logText());
    assertFalse(logText().contains("[phone]"), logText());

    // A reviewed fact, inserted with one click: the helpline number, tappable in the widget.
    nurse.findElement(By.id("chat-text")).sendKeys("You can also call us free on");
    nurse.findElement(By.cssSelector("#chat-inserts button[data-insert='0808 800 4040']"))
        .click();
    assertEquals("You can also call us free on 0808 800 4040",
        nurse.findElement(By.id("chat-text")).getDomProperty("value"));
    nurse.findElement(By.id("chat-text")).sendKeys(Keys.ENTER);
    WebElement call = wait.until(d -> nurseBubble("call us free on"));
    assertNotNull(call.findElement(By.cssSelector("a[href='tel:08088004040']")));

    // For a look by eye; not committed.
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "nurse-chat-widget.png"),
        driver.getScreenshotAs(OutputType.BYTES));
    nurse.manage().window().setSize(new Dimension(1280, 1400));
    Files.write(Path.of("target", "nurse-chat-console.png"),
        nurse.getScreenshotAs(OutputType.BYTES));

    closeChat("Talked about the scan; she will call after it.");
    wait.until(d -> logText().contains("The nurse has left the chat"));
    wait.until(d -> liveBar().isEmpty());
  }

  @Test
  void aReloadMidChatShowsEveryMessageOnceInOrder() {
    signInNurse();
    openWidget();
    String conversation = askForANurseChat();
    claim(conversation);
    wait.until(d -> liveBar().equals("You are chatting with a nurse."));

    List<String> said = List.of("Hello, this is Ana from the nurse team.",
        "Hi Ana, thanks for coming so quickly",
        "What would you like to talk about today?",
        "My mum starts immunotherapy on Monday");
    nurseSays(said.get(0));
    wait.until(d -> nurseBubble(said.get(0)));
    personSays(said.get(1));
    nurseWait.until(d -> chatLog().contains(said.get(1)));
    nurseSays(said.get(2));
    wait.until(d -> nurseBubble(said.get(2)));
    personSays(said.get(3));
    nurseWait.until(d -> chatLog().contains(said.get(3)));

    driver.navigate().refresh();
    wait.until(d -> d.findElement(By.cssSelector(".hlw-panel")).isDisplayed());
    wait.until(d -> liveBar().equals("You are chatting with a nurse."));
    settle();
    assertOnceInOrder(logText(), said);

    // The stream is followed again after the reload.
    String after = "Is she having it in hospital or at home?";
    nurseSays(after);
    wait.until(d -> nurseBubble(after));
    settle();
    assertOnceInOrder(logText(), List.of(said.get(0), said.get(1), said.get(2), said.get(3),
        after));
    assertEquals(1, count(logText(), "A nurse has joined"), logText());
    assertOnceInOrder(chatLog(), List.of(said.get(0), said.get(1), said.get(2), said.get(3),
        after));

    closeChat("Explained what to expect on day one.");
  }

  @Test
  void anEmergencyMidChatShowsTheGuidanceAtOnceAndAlertsTheNurse() {
    signInNurse();
    openWidget();
    String conversation = askForANurseChat();
    claim(conversation);
    nurseSays("Hello, I'm one of the nurses.");
    wait.until(d -> nurseBubble("one of the nurses"));

    personSays("my husband has collapsed and isn't breathing");
    WebElement alert = wait.until(d -> d.findElement(
        By.cssSelector(".hlw-alerts [role='alert']")));
    assertNotNull(alert.findElement(By.cssSelector("a[href='tel:999']")));
    assertFalse(driver.findElements(By.cssSelector(".hlw-msg-urgent")).isEmpty(),
        "the emergency guidance is in the conversation too");

    WebElement nurseAlert = nurseWait.until(d -> d.findElement(
        By.cssSelector("#chat-alerts [role='alert']")));
    assertTrue(nurseAlert.getText().contains("Medical emergency"), nurseAlert.getText());
    assertTrue(chatLog().contains("my husband has collapsed"), chatLog());

    settle();
    String guidance = driver.findElements(By.cssSelector(".hlw-msg-urgent")).get(0).getText();
    assertEquals(1, count(logText(), guidance), "the guidance is shown once: " + logText());
    assertEquals(1, count(logText(), "my husband has collapsed"), logText());
    assertEquals("You are chatting with a nurse.", liveBar(), "the nurse is still there");

    closeChat("Person called 999; ambulance on its way.");
  }

  @Test
  void theNurseHandsBackToTheBotWhichAnswersAgain() {
    signInNurse();
    openWidget();
    String conversation = askForANurseChat();
    claim(conversation);
    nurseSays("I hope that helped. The bot can tell you more about the treatments.");
    wait.until(d -> nurseBubble("I hope that helped"));

    nurse.findElement(By.id("chat-return")).click();
    nurseWait.until(d -> d.findElement(By.id("chat-state")).getText()
        .contains("back with the bot"));
    wait.until(d -> logText().contains("The nurse has left the chat"));
    wait.until(d -> liveBar().isEmpty());
    wait.until(d -> d.findElement(By.cssSelector(".hlw-nurse")).isDisplayed());

    int before = driver.findElements(By.cssSelector(".hlw-msg-bot")).size();
    personSays("what are checkpoint inhibitors");
    wait.until(d -> d.findElements(By.cssSelector(".hlw-msg-bot")).size() > before);
    String answer = driver.findElements(By.cssSelector(".hlw-msg-bot")).get(before).getText();
    assertTrue(answer.contains("Checkpoint inhibitors"), answer);
    assertFalse(chatLog().contains("what are checkpoint inhibitors"),
        "what the person asks the bot now does not go to the nurse");
    // Handing back closes the handoff; were it still claimed, the nurse closes it here.
    if (nurse.findElement(By.id("chat-close-form")).isDisplayed()) {
      closeChat("Answered; back with the bot for the rest.");
    }
  }

  @Test
  void aPersonWaitingSeesTheirPlaceInTheQueueMove() {
    // Someone else asked first (without a browser), so this person is not next.
    String first = given().contentType(ContentType.JSON)
        .body(Map.of("text", "can i speak to a nurse please")).when().post("/api/v1/chat")
        .then().statusCode(200).extract().path("conversationId");
    given().contentType(ContentType.JSON)
        .body(Map.of("conversationId", first, "payload", "nurse_chat")).when()
        .post("/api/v1/chat").then().statusCode(200).body("handoff.status", equalTo("waiting"));

    openWidget();
    String conversation = askForANurseChat();
    int place = placeInQueue();
    assertTrue(place >= 2, liveBar());

    String firstId = handoffOf(first);
    asNurse().when().post("/api/v1/staff/handoffs/" + firstId + "/claim").then()
        .statusCode(200);
    wait.until(d -> placeInQueue() == place - 1);
    assertFalse(logText().contains("minute"), "no made-up waiting times: " + logText());

    for (String id : List.of(firstId, handoffOf(conversation))) {
      asNurse().when().post("/api/v1/staff/handoffs/" + id + "/claim").then().statusCode(200);
      asNurse().contentType(ContentType.JSON).body(Map.of("outcome", "Test over."))
          .when().post("/api/v1/staff/handoffs/" + id + "/close").then().statusCode(200);
    }
    wait.until(d -> logText().contains("The nurse has left the chat"));
  }

  @Test
  void bothSidesCatchUpOnceAfterTheConnectionDrops() throws IOException {
    try (CuttableTcpProxy proxy = new CuttableTcpProxy("127.0.0.1", home.getPort())) {
      String via = "http://127.0.0.1:" + proxy.port();
      signInNurse(via + "/staff/");
      openWidget(via + "/");
      String conversation = askForANurseChat();
      claim(conversation);
      nurseSays("Hello, I'm here now.");
      wait.until(d -> nurseBubble("I'm here now"));

      proxy.cut();
      // Meanwhile each of them writes from elsewhere (another tab, say).
      given().contentType(ContentType.JSON).body(Map.of("conversationId", conversation,
          "text", "are you still there")).when().post("/api/v1/chat").then().statusCode(200)
          .body("action", equalTo("relayed"));
      asNurse().contentType(ContentType.JSON).body(Map.of("text", "Yes, still here."))
          .when().post("/api/v1/staff/handoffs/" + handoffOf(conversation) + "/messages")
          .then().statusCode(201);
      settle();
      proxy.restore();

      wait.until(d -> nurseBubble("Yes, still here."));
      wait.until(d -> logText().contains("are you still there"));
      nurseWait.until(d -> chatLog().contains("Yes, still here."));
      nurseWait.until(d -> chatLog().contains("are you still there"));
      settle();
      assertOnceInOrder(logText(), List.of("Hello, I'm here now.", "are you still there",
          "Yes, still here."));
      assertOnceInOrder(chatLog(), List.of("Hello, I'm here now.", "are you still there",
          "Yes, still here."));
      closeChat("Reconnected and finished.");
    }
  }

  // ------------------------------------------------------------------ the person (widget)

  private void openWidget() {
    openWidget(home.toString());
  }

  private void openWidget(String page) {
    driver.get(page);
    wait.until(d -> d.findElement(By.cssSelector(".hlw-launcher")).isDisplayed());
    driver.findElement(By.cssSelector(".hlw-launcher")).click();
    wait.until(d -> d.findElement(By.cssSelector(".hlw-panel")).isDisplayed());
  }

  /** Asks for a nurse, then for the chat offered; returns the conversation id. */
  private String askForANurseChat() {
    personSays("can i speak to a nurse please");
    WebElement offer = wait.until(d -> d.findElement(
        By.cssSelector(".hlw-quick-btn[data-payload='nurse_chat']")));
    offer.click();
    wait.until(d -> d.findElement(By.cssSelector(".hlw-live")).isDisplayed());
    Object raw = js(driver).executeScript(
        "return sessionStorage.getItem('helpline-widget.conversationId')");
    assertNotNull(raw);
    return raw.toString().replace("\"", "");
  }

  /** Sends a message with Enter and waits until the widget is ready for the next one. */
  private void personSays(String text) {
    driver.findElement(By.id("hlw-input")).sendKeys(text + Keys.ENTER);
    wait.until(d -> "false".equals(d.findElement(By.cssSelector(".hlw-send"))
        .getDomAttribute("aria-disabled")));
  }

  /** The place the widget says the person has in the queue, or 0. */
  private int placeInQueue() {
    Matcher m = Pattern.compile("number (\\d+) in the queue").matcher(liveBar());
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private String liveBar() {
    return driver.findElement(By.cssSelector(".hlw-live")).getText().strip();
  }

  private String logText() {
    return (String) js(driver).executeScript(
        "return document.querySelector('.hlw-log').innerText");
  }

  /** The nurse's bubble with this text in the widget, or null. */
  private WebElement nurseBubble(String text) {
    return driver.findElements(By.cssSelector(".hlw-msg-nurse")).stream()
        .filter(b -> b.getText().contains(text)).findFirst().orElse(null);
  }

  // ------------------------------------------------------------------ the nurse (console)

  private void signInNurse() {
    signInNurse(console.toString());
  }

  private void signInNurse(String page) {
    nurse.get(page);
    nurseWait.until(d -> d.findElement(By.id("sign-in-name")).isDisplayed());
    nurse.findElement(By.id("sign-in-name")).sendKeys("nurse");
    nurse.findElement(By.id("sign-in-password")).sendKeys("nurse-test-pw" + Keys.ENTER);
    nurseWait.until(d -> d.findElement(By.id("console")).isDisplayed());
  }

  private WebElement entryFor(String conversationId) {
    By by = By.xpath("//ol[@id='queue-list']/li[.//p[contains(@class,'meta')]"
        + "[contains(., 'conversation " + conversationId.substring(0, 8) + "')]]");
    return nurseWait.until(d -> d.findElements(by).stream().findFirst().orElse(null));
  }

  /** Claims the person's chat from the live queue; the chat panel opens. */
  private void claim(String conversationId) {
    nurseWait.until(d -> entryFor(conversationId).getText().contains("Live chat: waiting"));
    entryFor(conversationId).findElement(By.cssSelector(".claim-button")).click();
    nurseWait.until(d -> d.findElement(By.id("chat")).isDisplayed());
    assertEquals("chat-text", (String) js(nurse).executeScript(
        "return document.activeElement.id"), "ready to type");
    nurseWait.until(d -> d.findElement(By.id("chat-state")).getText()
        .contains("You are chatting"));
  }

  private void nurseSays(String text) {
    WebElement box = nurse.findElement(By.id("chat-text"));
    box.sendKeys(text + Keys.ENTER);
    nurseWait.until(d -> chatLog().contains(text));
    assertEquals("", box.getDomProperty("value"), "the box is emptied once sent");
  }

  private String chatLog() {
    return nurse.findElement(By.id("chat-log")).getText();
  }

  private void closeChat(String outcome) {
    nurse.findElement(By.id("chat-outcome")).sendKeys(outcome);
    nurse.findElement(By.id("chat-close")).click();
    nurseWait.until(d -> d.findElement(By.id("chat-message")).getText().contains("closed"));
  }

  // ------------------------------------------------------------------ helpers

  private static RequestSpecification asNurse() {
    return given().auth().preemptive().basic("nurse", "nurse-test-pw");
  }

  /** The id of the conversation's entry in the nurses' queue. */
  private static String handoffOf(String conversationId) {
    List<Map<String, Object>> entries = asNurse().when().get("/api/v1/staff/handoffs").then()
        .statusCode(200).extract().jsonPath().getList("$");
    return entries.stream().filter(e -> conversationId.equals(e.get("conversationId")))
        .map(e -> (String) e.get("id")).findFirst().orElseThrow();
  }

  private static JavascriptExecutor js(ChromeDriver browser) {
    return browser;
  }
}
