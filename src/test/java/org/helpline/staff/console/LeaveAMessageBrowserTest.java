package org.helpline.staff.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.helpline.support.ChatTranscripts.assertOnceInOrder;
import static org.helpline.support.ChatTranscripts.count;
import static org.helpline.support.ChatTranscripts.settle;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.helpline.support.ChatPages.Console;
import org.helpline.support.ChromiumBrowserTest;
import org.helpline.support.OpenLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Leaving a message for the nurses on a Saturday night ({@link OpenLine.Closed}: the line
 * opens on Monday at 9am), in two real browsers (Debian's Chromium, headless) on the real
 * backend: the person agrees to what is kept, writes the message and is told when a nurse will
 * reply; a nurse reads it in the console before claiming, claims it, answers and closes it.
 * The person has closed their browser meanwhile: they come back in a new browser process on
 * the same profile (as on their own computer days later, with the tab's sessionStorage gone)
 * and find the answer. Saying no keeps nothing; a way back that expired or leads to a
 * conversation the server no longer knows is forgotten; a browser that refuses storage can
 * still leave a message. {@link #driver} is the nurse's browser.
 */
@QuarkusTest
@TestProfile(OpenLine.Closed.class)
class LeaveAMessageBrowserTest extends ChromiumBrowserTest {

  private static final String MONDAY_5PM = "by 5pm on Monday 30 November";
  private static final String TICKET = "helpline-widget.waiting-message";

  @TestHTTPResource("/")
  URL home;

  @TestHTTPResource("/staff/")
  URL console;

  /** The person's profile, kept between their browser sessions within one test. */
  private Path personProfile;
  private final List<ChromeDriver> people = new ArrayList<>();
  /** The nurse's console, in {@link #driver}. */
  private Console nurse;

  @BeforeEach
  void personProfile() throws IOException {
    personProfile = Files.createTempDirectory("helpline-person-");
    nurse = new Console(driver);
  }

  @AfterEach
  void quitPeople() throws IOException {
    for (ChromeDriver person : people) {
      person.quit();
    }
    people.clear();
    try (Stream<Path> files = Files.walk(personProfile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void aMessageLeftAtNightIsAnsweredAndFoundAfterTheBrowserWasClosed() {
    ChromeDriver person = personBrowser();
    WebDriverWait personWait = waitFor(person);
    openWidget(person);
    say(person, "can i speak to a nurse please");
    personWait.until(d -> d.findElement(
        By.cssSelector(".hlw-quick-btn[data-payload='nurse_message']"))).click();
    personWait.until(d -> logText(d).contains("30 days"));
    assertTrue(logText(person).contains(MONDAY_5PM), logText(person));
    assertNull(ticket(person), "nothing is kept before they agree");

    person.findElement(By.cssSelector(".hlw-quick-btn[data-payload='nurse_message_yes']"))
        .click();
    personWait.until(d -> liveBar(d).startsWith("Type your message for the nurses"));
    String message = "What should my mum expect at her first immunotherapy appointment?";
    say(person, message);
    personWait.until(d -> logText(d).contains("Your message is with our nurses"));
    assertEquals("Your message is with the nurses. A nurse will reply here " + MONDAY_5PM + ".",
        liveBar(person));
    String conversation = ((String) js(person).executeScript(
        "return sessionStorage.getItem('helpline-widget.conversationId')")).replace("\"", "");
    String ticket = ticket(person);
    assertNotNull(ticket, "the way back is kept beyond this tab");
    assertTrue(ticket.contains(conversation) && ticket.contains("2026-11-30T17:00:00Z"), ticket);
    assertFalse(ticket.contains("immunotherapy") || ticket.contains("mum"),
        "never the message itself: " + ticket);

    // More from them is added to the message: shown once, no bot answer, no error.
    String more = "She is on pembrolizumab.";
    int botBubbles = person.findElements(By.cssSelector(".hlw-msg-bot")).size();
    say(person, more);
    settle();
    assertEquals(1, count(logText(person), more), logText(person));
    assertEquals(1, count(logText(person), message), logText(person));
    assertEquals(botBubbles, person.findElements(By.cssSelector(".hlw-msg-bot")).size(),
        logText(person));

    // They close the browser; the nurses' tab is not open until Monday.
    person.quit();
    people.remove(person);

    nurse.signIn(console.toString());
    WebElement entry = nurse.entryFor(conversation);
    assertTrue(entry.getText().contains("Message left: reply by 5pm Monday 30 November"),
        entry.getText());
    assertFalse(entry.getDomAttribute("class").contains("is-overdue"), "due on Monday");

    // Read before claiming: the message and what was added, and no box to write in yet.
    entry.findElement(By.cssSelector(".chat-button")).click();
    wait.until(d -> nurse.chatLog().contains(more));
    assertTrue(nurse.chatLog().contains(message), nurse.chatLog());
    assertEquals("Message for the nurses", driver.findElement(By.id("chat-title")).getText());
    assertFalse(driver.findElement(By.id("chat-form")).isDisplayed());
    assertTrue(driver.findElement(By.id("chat-state")).getText().contains("Claim it"),
        driver.findElement(By.id("chat-state")).getText());

    nurse.entryFor(conversation).findElement(By.cssSelector(".claim-button")).click();
    wait.until(d -> d.findElement(By.id("chat-form")).isDisplayed());
    assertEquals("chat-text", activeElementId(), "ready to write the answer");
    assertFalse(driver.findElement(By.id("chat-return")).isDisplayed(),
        "a message is answered and closed, not handed back");
    String answer = "Thank you for your message. At the first appointment the team will check"
        + " her bloods and talk through side effects.";
    driver.findElement(By.id("chat-text")).sendKeys(answer + Keys.ENTER);
    wait.until(d -> nurse.chatLog().contains(answer));
    driver.findElement(By.id("chat-outcome")).sendKeys("Answered in writing.");
    driver.findElement(By.id("chat-close")).click();
    wait.until(d -> d.findElement(By.id("chat-message")).getText().contains("closed"));

    // Days later, on the same computer: a new browser, the same profile, no tab to restore.
    ChromeDriver back = personBrowser();
    WebDriverWait backWait = waitFor(back);
    back.get(home.toString());
    WebElement launcher = backWait.until(d -> d.findElement(By.cssSelector(".hlw-launcher")));
    backWait.until(d -> launcher.getText().equals("A nurse has replied to your message"));
    launcher.click();
    backWait.until(d -> d.findElement(By.cssSelector(".hlw-panel")).isDisplayed());
    backWait.until(d -> logText(d).contains("closed your message"));
    String log = logText(back);
    assertOnceInOrder(log, List.of("the message you left", message, more,
        "A nurse has replied to your message.", answer));
    assertFalse(log.contains("Come back to this chat"), "the old tab's history is gone: what"
        + " is shown came from the server\n" + log);
    WebElement bubble = back.findElements(By.cssSelector(".hlw-msg-nurse")).get(0);
    assertTrue(bubble.getText().startsWith("Nurse"), bubble.getText());
    backWait.until(d -> ticket(d) == null);
    assertTrue(liveBar(back).isEmpty(), liveBar(back));

    // The bot answers them again.
    int before = back.findElements(By.cssSelector(".hlw-msg-bot")).size();
    say(back, "what are checkpoint inhibitors");
    backWait.until(d -> d.findElements(By.cssSelector(".hlw-msg-bot")).size() > before);
    assertTrue(back.findElements(By.cssSelector(".hlw-msg-bot")).get(before).getText()
        .contains("Checkpoint inhibitors"), logText(back));
  }

  @Test
  void aPersonStillThereSeesTheAnswerArrive() {
    ChromeDriver person = personBrowser();
    WebDriverWait personWait = waitFor(person);
    openWidget(person);
    String conversation = leaveAMessage(person, personWait, "Is it normal to feel so tired?");

    nurse.signIn(console.toString());
    nurse.entryFor(conversation).findElement(By.cssSelector(".claim-button")).click();
    wait.until(d -> d.findElement(By.id("chat-form")).isDisplayed());
    personWait.until(d -> liveBar(d).equals("A nurse is reading your message."));
    String answer = "Yes, tiredness is very common with immunotherapy.";
    driver.findElement(By.id("chat-text")).sendKeys(answer + Keys.ENTER);
    personWait.until(d -> logText(d).contains(answer));
    assertOnceInOrder(logText(person), List.of("Is it normal to feel so tired?",
        "A nurse has replied to your message.", answer));
    assertEquals("A nurse has replied to your message.", liveBar(person));

    driver.findElement(By.id("chat-outcome")).sendKeys("Answered.");
    driver.findElement(By.id("chat-close")).click();
    personWait.until(d -> logText(d).contains("The nurses have closed your message"));
    personWait.until(d -> ticket(d) == null);
    assertTrue(liveBar(person).isEmpty());
  }

  @Test
  void sayingNoKeepsNothingAndTheBotAnswersAgain() {
    ChromeDriver person = personBrowser();
    WebDriverWait personWait = waitFor(person);
    openWidget(person);
    say(person, "can i speak to a nurse please");
    personWait.until(d -> d.findElement(
        By.cssSelector(".hlw-quick-btn[data-payload='nurse_message']"))).click();
    personWait.until(d -> d.findElement(
        By.cssSelector(".hlw-quick-btn[data-payload='nurse_message_no']"))).click();
    personWait.until(d -> logText(d).contains("won't be kept"));
    assertNull(ticket(person));
    assertTrue(liveBar(person).isEmpty(), liveBar(person));
    String conversation = ((String) js(person).executeScript(
        "return sessionStorage.getItem('helpline-widget.conversationId')")).replace("\"", "");
    List<Map<String, Object>> entries = given().auth().preemptive()
        .basic("nurse", "nurse-test-pw").when().get("/api/v1/staff/handoffs").then()
        .statusCode(200).extract().jsonPath().getList("$");
    entries.stream().filter(e -> conversation.equals(e.get("conversationId")))
        .forEach(e -> assertNull(e.get("mode"), "not kept as a message: " + e));

    // The bot answers (after saying, as in every reply while the conversation is in the
    // queue, that it passed it on).
    say(person, "what are checkpoint inhibitors");
    personWait.until(d -> logText(d).contains("Checkpoint inhibitors are"));
    assertFalse(logText(person).contains("went wrong"), logText(person));
  }

  @Test
  void aWayBackThatExpiredOrLeadsNowhereIsForgotten() {
    ChromeDriver person = personBrowser();
    WebDriverWait personWait = waitFor(person);
    person.get(home.toString());
    // Past its reply-by time plus the retention: forgotten before anything is asked.
    js(person).executeScript("localStorage.setItem('" + TICKET + "', JSON.stringify({"
        + "conversationId: 'c0ffee00-0000-4000-8000-000000000000', replyBy: null,"
        + " until: Date.now() - 1000}))");
    openWidget(person);
    assertNull(ticket(person));
    assertTrue(logText(person).startsWith("Hello."), logText(person));

    // In time, but the server no longer knows the conversation: said kindly, then forgotten.
    js(person).executeScript("sessionStorage.clear(); localStorage.setItem('" + TICKET
        + "', JSON.stringify({conversationId: 'c0ffee00-0000-4000-8000-000000000000',"
        + " replyBy: '2026-11-30T17:00:00Z', until: Date.now() + 86400000}))");
    openWidget(person);
    personWait.until(d -> logText(d).contains("no longer kept"));
    personWait.until(d -> ticket(d) == null);
    assertTrue(liveBar(person).isEmpty(), liveBar(person));
    say(person, "what are checkpoint inhibitors");
    personWait.until(d -> logText(d).contains("Checkpoint inhibitors are"));
  }

  @Test
  void aMessageCanBeLeftWhenTheBrowserRefusesStorage() {
    ChromeDriver person = personBrowser();
    WebDriverWait personWait = waitFor(person);
    // As some private modes do: any use of either storage throws.
    person.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
        "['localStorage', 'sessionStorage'].forEach(function (name) {"
        + " Object.defineProperty(window, name, {configurable: true, get: function () {"
        + " throw new DOMException('refused', 'SecurityError'); }}); });"));
    openWidget(person);
    assertEquals("refused", js(person).executeScript(
        "try { return localStorage && 'allowed'; } catch (e) { return e.message; }"));
    say(person, "can i speak to a nurse please");
    personWait.until(d -> d.findElement(
        By.cssSelector(".hlw-quick-btn[data-payload='nurse_message']"))).click();
    personWait.until(d -> d.findElement(
        By.cssSelector(".hlw-quick-btn[data-payload='nurse_message_yes']"))).click();
    personWait.until(d -> liveBar(d).startsWith("Type your message for the nurses"));
    say(person, "Can I have the flu jab during immunotherapy?");
    personWait.until(d -> liveBar(d).equals("Your message is with the nurses. A nurse will"
        + " reply here " + MONDAY_5PM + "."));
    say(person, "She had it last year.");
    settle();
    assertEquals(1, count(logText(person), "She had it last year."), logText(person));
    assertFalse(logText(person).contains("went wrong"), logText(person));
  }

  // ------------------------------------------------------------------ the person (widget)

  /** A browser on the person's own profile: one at a time, as on their own computer. */
  private ChromeDriver personBrowser() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
        "--user-data-dir=" + personProfile, "--window-size=1280,900");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    ChromeDriver person = new ChromeDriver(service, options);
    person.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    people.add(person);
    return person;
  }

  private static WebDriverWait waitFor(ChromeDriver browser) {
    return new WebDriverWait(browser, Duration.ofSeconds(15));
  }

  private void openWidget(ChromeDriver person) {
    person.get(home.toString());
    WebDriverWait w = waitFor(person);
    w.until(d -> d.findElement(By.cssSelector(".hlw-launcher")).isDisplayed());
    person.findElement(By.cssSelector(".hlw-launcher")).click();
    w.until(d -> d.findElement(By.cssSelector(".hlw-panel")).isDisplayed());
  }

  /** Asks for a nurse, agrees to leave a message and writes it; the conversation id. */
  private String leaveAMessage(ChromeDriver person, WebDriverWait w, String message) {
    say(person, "can i speak to a nurse please");
    w.until(d -> d.findElement(By.cssSelector(".hlw-quick-btn[data-payload='nurse_message']")))
        .click();
    w.until(d -> d.findElement(
        By.cssSelector(".hlw-quick-btn[data-payload='nurse_message_yes']"))).click();
    w.until(d -> liveBar(d).startsWith("Type your message for the nurses"));
    say(person, message);
    w.until(d -> liveBar(d).startsWith("Your message is with the nurses"));
    return ((String) js(person).executeScript(
        "return sessionStorage.getItem('helpline-widget.conversationId')")).replace("\"", "");
  }

  /** Sends a message with Enter and waits until the widget is ready for the next one. */
  private static void say(ChromeDriver person, String text) {
    person.findElement(By.id("hlw-input")).sendKeys(text + Keys.ENTER);
    waitFor(person).until(d -> "false".equals(d.findElement(By.cssSelector(".hlw-send"))
        .getDomAttribute("aria-disabled")));
  }

  private static String ticket(WebDriver person) {
    return (String) ((JavascriptExecutor) person).executeScript(
        "return localStorage.getItem('" + TICKET + "')");
  }

  private static String liveBar(WebDriver person) {
    return person.findElement(By.cssSelector(".hlw-live")).getText().strip();
  }

  private static String logText(WebDriver person) {
    return (String) ((JavascriptExecutor) person).executeScript(
        "return document.querySelector('.hlw-log').innerText");
  }

  // ------------------------------------------------------------------ helpers

  private static JavascriptExecutor js(ChromeDriver browser) {
    return browser;
  }
}
