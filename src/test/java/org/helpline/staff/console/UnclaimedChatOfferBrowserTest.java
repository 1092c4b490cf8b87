package org.helpline.staff.console;

import static org.helpline.support.ChatApi.as;
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
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.helpline.support.ChromiumBrowserTest;
import org.helpline.support.OpenLine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person waiting in the web chat widget for a nurse to chat, whom no nurse takes within
 * {@code helpline.nurse-chat.offer-message-after} (2 s here), in two real browsers (Debian's
 * Chromium, headless) on the real backend while the line is open: the offer of a message
 * appears in their chat with a "Leave a message" button, reached and pressed from the keyboard;
 * they agree, write the message and are told when a nurse will reply, and the nurses' queue
 * shows it as a message. The button goes once tapped and does not come back on a reload or in
 * a new tab's replayed chat; a nurse who takes the chat after the offer takes the button away;
 * "no thanks" keeps the person's place in the queue. Skipped when Chromium is not installed.
 */
@QuarkusTest
@TestProfile(UnclaimedChatOfferBrowserTest.OfferAfterTwoSeconds.class)
class UnclaimedChatOfferBrowserTest extends ChromiumBrowserTest {

  private static final String OFFERED = "none of our nurses has been free to chat yet";
  private static final String THURSDAY = "on Thursday 26 November";
  private static final By OFFER = By.cssSelector(".hlw-log .hlw-msg-offer");
  private static final By CHOICE = By.cssSelector(
      ".hlw-msg-offer .hlw-choices button[data-payload='nurse_message']");

  /** The line open, and a waiting chat offered a message after 2 s, looked for every second. */
  public static class OfferAfterTwoSeconds extends OpenLine {

    @Override
    public Map<String, String> getConfigOverrides() {
      Map<String, String> config = new HashMap<>(super.getConfigOverrides());
      config.put("helpline.nurse-chat.offer-message-after", "2s");
      config.put("helpline.nurse-chat.outbox-sweep", "1s");
      return config;
    }
  }

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
  void aPersonNobodyTakesLeavesAMessageFromTheOffer() {
    signInNurse();
    openWidget();
    String conversation = askForANurseChat();
    nurseWait.until(d -> entryFor(conversation).getText().contains("Live chat: waiting"));

    WebElement offer = wait.until(d -> d.findElement(OFFER));
    String words = offer.getText();
    assertTrue(words.contains(OFFERED) && words.contains("leave a message")
        && words.contains(THURSDAY), words);
    WebElement choice = wait.until(d -> d.findElement(CHOICE));
    assertEquals("Leave a message", choice.getText());
    assertEquals("group", offer.findElement(By.cssSelector(".hlw-choices"))
        .getDomAttribute("role"));
    assertTrue(liveBar().startsWith("You are number "), "still in the queue: " + liveBar());
    assertEquals(1, count(logText(), OFFERED), logText());

    // Still waiting, a reload shows the offer once, and its button.
    driver.navigate().refresh();
    wait.until(d -> d.findElement(By.cssSelector(".hlw-panel")).isDisplayed());
    wait.until(d -> d.findElement(CHOICE));
    assertEquals(1, count(logText(), OFFERED), logText());
    assertEquals(1, driver.findElements(By.cssSelector(".hlw-choices button")).size());

    // From the message box, the button is one Shift+Tab back; Enter takes it.
    driver.findElement(By.id("hlw-input")).click();
    new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    assertEquals("nurse_message", js().executeScript(
        "return document.activeElement.getAttribute('data-payload')"), "focus on the button");
    new Actions(driver).sendKeys(Keys.ENTER).perform();

    WebElement yes = wait.until(d -> d.findElement(
        By.cssSelector(".hlw-quick-btn[data-payload='nurse_message_yes']")));
    assertTrue(logText().contains("Is that OK?") && logText().contains("30 days"), logText());
    assertTrue(driver.findElements(By.cssSelector(".hlw-choices")).isEmpty(),
        "the offer's button goes once tapped");
    assertTrue(offerText().contains(OFFERED), "its words stay: " + offerText());
    assertEquals(Boolean.TRUE, js().executeScript("return document.activeElement"
        + " === document.querySelector('.hlw-log')"), "focus is not lost to the page");
    assertTrue(driver.findElements(By.cssSelector(".hlw-msg-user")).stream()
        .anyMatch(b -> b.getText().equals("Leave a message")), "shown as what they chose");

    yes.click();
    wait.until(d -> liveBar().startsWith("Type your message for the nurses"));
    String message = "My dad has been waiting for his scan results for three weeks."
        + " Is that normal?";
    personSays(message);
    wait.until(d -> liveBar().startsWith("Your message is with the nurses."));
    assertTrue(liveBar().matches("Your message is with the nurses\\. A nurse will reply here"
        + " by \\d{1,2}(:\\d\\d)?(am|pm) " + THURSDAY + "\\."), liveBar());
    assertTrue(logText().contains("Your message is with our nurses"), logText());
    settle();
    assertEquals(1, count(logText(), message), logText());
    assertTrue(driver.findElements(By.cssSelector(".hlw-choices")).isEmpty());

    // A reload shows it all again, the offer without its button.
    driver.navigate().refresh();
    wait.until(d -> d.findElement(By.cssSelector(".hlw-panel")).isDisplayed());
    wait.until(d -> liveBar().startsWith("Your message is with the nurses."));
    settle();
    assertOnceInOrder(logText(), List.of(OFFERED, "Is that OK?", message,
        "Your message is with our nurses"));
    assertTrue(driver.findElements(By.cssSelector(".hlw-choices")).isEmpty(), logText());

    // In a new tab (this one's history gone), the way back replays the chat from the server:
    // the offer is there, its button is not.
    driver.switchTo().newWindow(WindowType.TAB);
    driver.get(home.toString());
    WebElement launcher = wait.until(d -> d.findElement(By.cssSelector(".hlw-launcher")));
    wait.until(d -> launcher.getText().equals("Your message for the nurses"));
    launcher.click();
    wait.until(d -> logText().contains(message));
    settle();
    assertOnceInOrder(logText(), List.of("the message you left", OFFERED, message));
    assertTrue(driver.findElements(By.cssSelector(".hlw-choices")).isEmpty(), logText());
    assertTrue(liveBar().startsWith("Your message is with the nurses."), liveBar());

    // The nurses see a message, no longer a chat.
    // "Message left: reply by ..." (or "overdue": the console judges that by the server's
    // clock as of its last queue read, and it first read an empty queue, so here, with the
    // server's clock moved back, it compares with the browser's).
    nurseWait.until(d -> entryFor(conversation).getText().contains("Message left: "));
    assertFalse(entryFor(conversation).getText().contains("Live chat"),
        entryFor(conversation).getText());
    List<Map<String, Object>> entries = as("nurse").when().get("/api/v1/staff/handoffs")
        .then().statusCode(200).extract().jsonPath().getList("$");
    Map<String, Object> entry = entries.stream()
        .filter(e -> conversation.equals(e.get("conversationId"))).findFirst().orElseThrow();
    assertEquals("message", entry.get("mode"), entry.toString());
    assertEquals("waiting", entry.get("chatStatus"), entry.toString());
    assertNotNull(entry.get("replyBy"), entry.toString());
    close((String) entry.get("id"), "Answered by phone in the test.");
  }

  @Test
  void aNurseWhoTakesTheChatAfterTheOfferTakesItsButtonAway() {
    signInNurse();
    openWidget();
    String conversation = askForANurseChat();
    // The panel closed meanwhile: the launcher says there is something to read.
    driver.findElement(By.cssSelector(".hlw-close")).click();
    WebElement launcher = driver.findElement(By.cssSelector(".hlw-launcher"));
    wait.until(d -> launcher.getText().equals("No nurse is free to chat yet"));
    launcher.click();
    wait.until(d -> d.findElement(CHOICE).isDisplayed());

    claim(conversation);
    wait.until(d -> liveBar().equals("You are chatting with a nurse."));
    wait.until(d -> d.findElements(By.cssSelector(".hlw-choices")).isEmpty());
    assertTrue(logText().contains("A nurse has joined"), logText());
    assertTrue(offerText().contains(OFFERED), "its words stay: " + offerText());

    driver.navigate().refresh();
    wait.until(d -> liveBar().equals("You are chatting with a nurse."));
    settle();
    assertEquals(1, count(logText(), OFFERED), logText());
    assertTrue(driver.findElements(By.cssSelector(".hlw-choices")).isEmpty(), logText());

    nurseSays("Hello, sorry to keep you waiting. I'm Jo, one of the nurses.");
    wait.until(d -> logText().contains("sorry to keep you waiting"));
    closeChat("Talked it through.");
    wait.until(d -> liveBar().isEmpty());
  }

  @Test
  void noThanksKeepsTheirPlaceInTheQueue() {
    openWidget();
    String conversation = askForANurseChat();
    wait.until(d -> d.findElement(CHOICE)).click();
    int offers = driver.findElements(OFFER).size();
    wait.until(d -> d.findElement(
        By.cssSelector(".hlw-quick-btn[data-payload='nurse_message_no']"))).click();
    wait.until(d -> count(logText(), "in the queue") >= 2);
    assertTrue(liveBar().startsWith("You are number "), "still in the queue: " + liveBar());
    WebElement first = driver.findElements(OFFER).get(offers - 1);
    assertTrue(first.findElements(By.tagName("button")).isEmpty(), "taken: " + first.getText());
    assertTrue(driver.findElements(By.cssSelector(".hlw-choices")).size() <= 1,
        "only the latest offer has a button");

    // What they write now goes to the nurses, as before.
    int bot = driver.findElements(By.cssSelector(".hlw-msg-bot")).size();
    personSays("I'll wait, thank you");
    settle();
    assertFalse(logText().contains("went wrong"), logText());
    assertEquals(1, count(logText(), "I'll wait, thank you"), logText());
    assertTrue(driver.findElements(By.cssSelector(".hlw-msg-bot:not(.hlw-msg-offer)")).size()
        <= bot, "no bot answer: " + logText());
    close(handoffOf(conversation), "Test over.");
  }

  // ------------------------------------------------------------------ the person (widget)

  private void openWidget() {
    driver.get(home.toString());
    wait.until(d -> d.findElement(By.cssSelector(".hlw-launcher")).isDisplayed());
    driver.findElement(By.cssSelector(".hlw-launcher")).click();
    wait.until(d -> d.findElement(By.cssSelector(".hlw-panel")).isDisplayed());
  }

  /** Asks for a nurse, then for the chat offered; returns the conversation id. */
  private String askForANurseChat() {
    personSays("can i speak to a nurse please");
    wait.until(d -> d.findElement(By.cssSelector(".hlw-quick-btn[data-payload='nurse_chat']")))
        .click();
    wait.until(d -> liveBar().startsWith("You are number "));
    Object raw = js().executeScript(
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

  private String liveBar() {
    return driver.findElement(By.cssSelector(".hlw-live")).getText().strip();
  }

  private String logText() {
    return (String) js().executeScript("return document.querySelector('.hlw-log').innerText");
  }

  private String offerText() {
    return driver.findElement(OFFER).getText();
  }

  // ------------------------------------------------------------------ the nurse (console)

  private void signInNurse() {
    nurse.get(console.toString());
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
    nurseWait.until(d -> d.findElement(By.id("chat-state")).getText()
        .contains("You are chatting"));
  }

  private void nurseSays(String text) {
    nurse.findElement(By.id("chat-text")).sendKeys(text + Keys.ENTER);
    nurseWait.until(d -> d.findElement(By.id("chat-log")).getText().contains(text));
  }

  private void closeChat(String outcome) {
    nurse.findElement(By.id("chat-outcome")).sendKeys(outcome);
    nurse.findElement(By.id("chat-close")).click();
    nurseWait.until(d -> d.findElement(By.id("chat-message")).getText().contains("closed"));
  }

  // ------------------------------------------------------------------ helpers

  /** The id of the conversation's entry in the nurses' queue. */
  private static String handoffOf(String conversationId) {
    List<Map<String, Object>> entries = as("nurse").when().get("/api/v1/staff/handoffs")
        .then().statusCode(200).extract().jsonPath().getList("$");
    return entries.stream().filter(e -> conversationId.equals(e.get("conversationId")))
        .map(e -> (String) e.get("id")).findFirst().orElseThrow();
  }

  /** Closes a claimed entry, so the next test's queue holds only its own person. */
  private static void close(String handoffId, String outcome) {
    as("nurse").when().post("/api/v1/staff/handoffs/" + handoffId + "/claim");
    as("nurse").contentType(ContentType.JSON).body(Map.of("outcome", outcome)).when()
        .post("/api/v1/staff/handoffs/" + handoffId + "/close").then().statusCode(200);
  }
}
