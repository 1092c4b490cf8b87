package org.helpline.staff.console;

import static org.helpline.support.ChatApi.as;
import static org.helpline.support.ChatApi.handoffOf;
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
import org.helpline.support.ChatPages.Console;
import org.helpline.support.ChatPages.Widget;
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

  /** The person in the widget, in {@link #driver}. */
  private Widget person;
  /** The nurse's browser, and her console in it. */
  private ChromeDriver nurseBrowser;
  private WebDriverWait nurseWait;
  private Console nurse;

  @BeforeEach
  void secondBrowser() throws IOException {
    person = new Widget(driver);
    nurseBrowser = newBrowser();
    nurseWait = new WebDriverWait(nurseBrowser, Duration.ofSeconds(15));
    nurse = new Console(nurseBrowser);
  }

  @Test
  void aPersonNobodyTakesLeavesAMessageFromTheOffer() {
    nurse.signIn(console.toString());
    person.open(home.toString());
    String conversation = person.askForANurseChat();
    nurseWait.until(d -> nurse.entryFor(conversation).getText().contains("Live chat: waiting"));

    WebElement offer = wait.until(d -> d.findElement(OFFER));
    String words = offer.getText();
    assertTrue(words.contains(OFFERED) && words.contains("leave a message")
        && words.contains(THURSDAY), words);
    WebElement choice = wait.until(d -> d.findElement(CHOICE));
    assertEquals("Leave a message", choice.getText());
    assertEquals("group", offer.findElement(By.cssSelector(".hlw-choices"))
        .getDomAttribute("role"));
    assertTrue(person.liveBar().startsWith("You are number "),
        "still in the queue: " + person.liveBar());
    assertEquals(1, count(person.logText(), OFFERED), person.logText());

    // Still waiting, a reload shows the offer once, and its button.
    person.reload();
    wait.until(d -> d.findElement(CHOICE));
    assertEquals(1, count(person.logText(), OFFERED), person.logText());
    assertEquals(1, driver.findElements(By.cssSelector(".hlw-choices button")).size());

    // From the message box, the button is one Shift+Tab back; Enter takes it.
    driver.findElement(By.id("hlw-input")).click();
    new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    assertEquals("nurse_message", js().executeScript(
        "return document.activeElement.getAttribute('data-payload')"), "focus on the button");
    new Actions(driver).sendKeys(Keys.ENTER).perform();

    WebElement yes = wait.until(d -> d.findElement(
        By.cssSelector(".hlw-quick-btn[data-payload='nurse_message_yes']")));
    assertTrue(person.logText().contains("Is that OK?")
        && person.logText().contains("30 days"), person.logText());
    assertTrue(driver.findElements(By.cssSelector(".hlw-choices")).isEmpty(),
        "the offer's button goes once tapped");
    assertTrue(offerText().contains(OFFERED), "its words stay: " + offerText());
    assertEquals(Boolean.TRUE, js().executeScript("return document.activeElement"
        + " === document.querySelector('.hlw-log')"), "focus is not lost to the page");
    assertTrue(driver.findElements(By.cssSelector(".hlw-msg-user")).stream()
        .anyMatch(b -> b.getText().equals("Leave a message")), "shown as what they chose");

    yes.click();
    wait.until(d -> person.liveBar().startsWith("Type your message for the nurses"));
    String message = "My dad has been waiting for his scan results for three weeks."
        + " Is that normal?";
    person.says(message);
    wait.until(d -> person.liveBar().startsWith("Your message is with the nurses."));
    assertTrue(person.liveBar().matches("Your message is with the nurses\\. A nurse will reply here"
        + " by \\d{1,2}(:\\d\\d)?(am|pm) " + THURSDAY + "\\."), person.liveBar());
    assertTrue(person.logText().contains("Your message is with our nurses"), person.logText());
    settle();
    assertEquals(1, count(person.logText(), message), person.logText());
    assertTrue(driver.findElements(By.cssSelector(".hlw-choices")).isEmpty());

    // A reload shows it all again, the offer without its button.
    person.reload();
    wait.until(d -> person.liveBar().startsWith("Your message is with the nurses."));
    settle();
    assertOnceInOrder(person.logText(), List.of(OFFERED, "Is that OK?", message,
        "Your message is with our nurses"));
    assertTrue(driver.findElements(By.cssSelector(".hlw-choices")).isEmpty(), person.logText());

    // In a new tab (this one's history gone), the way back replays the chat from the server:
    // the offer is there, its button is not.
    driver.switchTo().newWindow(WindowType.TAB);
    driver.get(home.toString());
    WebElement launcher = wait.until(d -> d.findElement(By.cssSelector(".hlw-launcher")));
    wait.until(d -> launcher.getText().equals("Your message for the nurses"));
    launcher.click();
    wait.until(d -> person.logText().contains(message));
    settle();
    assertOnceInOrder(person.logText(), List.of("the message you left", OFFERED, message));
    assertTrue(driver.findElements(By.cssSelector(".hlw-choices")).isEmpty(), person.logText());
    assertTrue(person.liveBar().startsWith("Your message is with the nurses."), person.liveBar());

    // The nurses see a message, no longer a chat.
    // "Message left: reply by ..." (or "overdue": the console judges that by the server's
    // clock as of its last queue read, and it first read an empty queue, so here, with the
    // server's clock moved back, it compares with the browser's).
    nurseWait.until(d -> nurse.entryFor(conversation).getText().contains("Message left: "));
    assertFalse(nurse.entryFor(conversation).getText().contains("Live chat"),
        nurse.entryFor(conversation).getText());
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
    nurse.signIn(console.toString());
    person.open(home.toString());
    String conversation = person.askForANurseChat();
    // The panel closed meanwhile: the launcher says there is something to read.
    driver.findElement(By.cssSelector(".hlw-close")).click();
    WebElement launcher = driver.findElement(By.cssSelector(".hlw-launcher"));
    wait.until(d -> launcher.getText().equals("No nurse is free to chat yet"));
    launcher.click();
    wait.until(d -> d.findElement(CHOICE).isDisplayed());

    nurse.claim(conversation);
    wait.until(d -> person.liveBar().equals("You are chatting with a nurse."));
    wait.until(d -> d.findElements(By.cssSelector(".hlw-choices")).isEmpty());
    assertTrue(person.logText().contains("A nurse has joined"), person.logText());
    assertTrue(offerText().contains(OFFERED), "its words stay: " + offerText());

    driver.navigate().refresh();
    wait.until(d -> person.liveBar().equals("You are chatting with a nurse."));
    settle();
    assertEquals(1, count(person.logText(), OFFERED), person.logText());
    assertTrue(driver.findElements(By.cssSelector(".hlw-choices")).isEmpty(), person.logText());

    nurse.says("Hello, sorry to keep you waiting. I'm Jo, one of the nurses.");
    wait.until(d -> person.logText().contains("sorry to keep you waiting"));
    nurse.closeChat("Talked it through.");
    wait.until(d -> person.liveBar().isEmpty());
  }

  @Test
  void noThanksKeepsTheirPlaceInTheQueue() {
    person.open(home.toString());
    String conversation = person.askForANurseChat();
    wait.until(d -> d.findElement(CHOICE)).click();
    int offers = driver.findElements(OFFER).size();
    wait.until(d -> d.findElement(
        By.cssSelector(".hlw-quick-btn[data-payload='nurse_message_no']"))).click();
    wait.until(d -> count(person.logText(), "in the queue") >= 2);
    assertTrue(person.liveBar().startsWith("You are number "),
        "still in the queue: " + person.liveBar());
    WebElement first = driver.findElements(OFFER).get(offers - 1);
    assertTrue(first.findElements(By.tagName("button")).isEmpty(), "taken: " + first.getText());
    assertTrue(driver.findElements(By.cssSelector(".hlw-choices")).size() <= 1,
        "only the latest offer has a button");

    // What they write now goes to the nurses, as before.
    int bot = driver.findElements(By.cssSelector(".hlw-msg-bot")).size();
    person.says("I'll wait, thank you");
    settle();
    assertFalse(person.logText().contains("went wrong"), person.logText());
    assertEquals(1, count(person.logText(), "I'll wait, thank you"), person.logText());
    assertTrue(driver.findElements(By.cssSelector(".hlw-msg-bot:not(.hlw-msg-offer)")).size()
        <= bot, "no bot answer: " + person.logText());
    close(handoffOf(conversation), "Test over.");
  }

  private String offerText() {
    return driver.findElement(OFFER).getText();
  }

  /** Closes a claimed entry, so the next test's queue holds only its own person. */
  private static void close(String handoffId, String outcome) {
    as("nurse").when().post("/api/v1/staff/handoffs/" + handoffId + "/claim");
    as("nurse").contentType(ContentType.JSON).body(Map.of("outcome", outcome)).when()
        .post("/api/v1/staff/handoffs/" + handoffId + "/close").then().statusCode(200);
  }
}
