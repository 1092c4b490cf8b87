package org.helpline.staff.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.helpline.support.ChatApi.as;
import static org.helpline.support.ChatApi.handoffOf;
import static org.helpline.support.ChatApi.send;
import static org.helpline.support.ChatTranscripts.assertOnceInOrder;
import static org.helpline.support.ChatTranscripts.count;
import static org.helpline.support.ChatTranscripts.settle;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.helpline.support.ChatPages.Console;
import org.helpline.support.ChatPages.Widget;
import org.helpline.support.ChromiumBrowserTest;
import org.helpline.support.CuttableTcpProxy;
import org.helpline.support.OpenLine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
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
 * once and alerts the nurse; the nurse hands back to the bot, which answers again; the person
 * ends the chat (asked first), the bot answers again and the nurse can only close it, until
 * they come back; a waiting person's place in the queue moves; both sides catch up once after
 * their connections drop.
 * Skipped when Chromium is not installed ({@code apt-get install chromium chromium-driver}).
 */
@QuarkusTest
@TestProfile(OpenLine.class)
class NurseChatBrowserTest extends ChromiumBrowserTest {

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
  void aPersonAndANurseChatBothWaysInTheWidgetAndTheConsole() throws IOException {
    // The nurse is signed in first: the person's request reaches her queue without a refresh.
    String conversation = waitingForANurse();
    nurseWait.until(d -> nurse.entryFor(conversation).getText().contains("Live chat: waiting"));
    String live = person.liveBar();
    assertTrue(live.matches("You are number \\d+ in the queue for a nurse\\..*"), live);

    nurse.claim(conversation);
    wait.until(d -> person.logText().contains("A nurse has joined"));
    wait.until(d -> person.liveBar().equals("You are chatting with a nurse."));
    assertTrue(driver.findElements(By.cssSelector(".hlw-nurse")).stream()
        .noneMatch(WebElement::isDisplayed), "no 'Talk to a nurse' while talking to one");

    nurse.says("Hello, I'm Sam, one of the nurses. How can I help?");
    WebElement bubble = wait.until(d -> person.nurseBubble("How can I help?"));
    assertTrue(bubble.getText().startsWith("Nurse"), "labelled as the nurse's: "
        + bubble.getText());
    assertFalse(bubble.getDomAttribute("class").contains("hlw-msg-bot"), "not the bot's");

    person.says("I'm worried about my scan next week");
    nurseWait.until(d -> nurse.chatLog().contains("I'm worried about my scan next week"));
    assertTrue(nurse.chatLog().contains("Person"), nurse.chatLog());
    settle();
    assertEquals(1, count(person.logText(), "I'm worried about my scan next week"),
        "the person's message is shown once, though it comes back on the stream");
    assertTrue(driver.findElements(By.cssSelector(".hlw-msg-bot")).stream()
        .noneMatch(b -> b.getText().contains("went wrong")), "a relayed message shows nothing");

    // The nurse gets it redacted, as stored; the person still sees what they wrote, once.
    person.says("you can ring me on 07700 900123 after 4");
    nurseWait.until(d -> nurse.chatLog().contains("you can ring me on [phone] after 4"));
    settle();
    assertEquals(1, count(person.logText(), "you can ring me on 07700 900123 after 4"),
        person.logText());
    assertFalse(person.logText().contains("[phone]"), person.logText());

    // A reviewed fact, inserted with one click: the helpline number, tappable in the widget.
    nurseBrowser.findElement(By.id("chat-text")).sendKeys("You can also call us free on");
    nurseBrowser.findElement(By.cssSelector("#chat-inserts button[data-insert='0808 800 4040']"))
        .click();
    assertEquals("You can also call us free on 0808 800 4040",
        nurseBrowser.findElement(By.id("chat-text")).getDomProperty("value"));
    nurseBrowser.findElement(By.id("chat-text")).sendKeys(Keys.ENTER);
    WebElement call = wait.until(d -> person.nurseBubble("call us free on"));
    assertNotNull(call.findElement(By.cssSelector("a[href='tel:08088004040']")));

    // For a look by eye; not committed.
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "nurse-chat-widget.png"),
        driver.getScreenshotAs(OutputType.BYTES));
    nurseBrowser.manage().window().setSize(new Dimension(1280, 1400));
    Files.write(Path.of("target", "nurse-chat-console.png"),
        nurseBrowser.getScreenshotAs(OutputType.BYTES));

    nurse.closeChat("Talked about the scan; she will call after it.");
    wait.until(d -> person.logText().contains("The nurse has left the chat"));
    wait.until(d -> person.liveBar().isEmpty());
  }

  @Test
  void theNurseSeesWhenThePersonClosesTheChatAndWhenTheyAreBack() {
    String conversation = waitingForANurse();
    nurse.claim(conversation);
    wait.until(d -> person.liveBar().equals("You are chatting with a nurse."));
    nurseWait.until(d -> nurse.presence().equals("The person has the chat open."));

    // They go to another page in the same tab: the widget's stream closes with it.
    driver.get("about:blank");
    nurseWait.until(d -> nurse.presence().startsWith("The person does not have the chat open"));
    nurse.says("Are you still there?");

    // Back in the same tab, the chat comes back with what the nurse wrote meanwhile.
    driver.navigate().back();
    wait.until(d -> person.nurseBubble("Are you still there?"));
    nurseWait.until(d -> nurse.presence().equals("The person has the chat open."));
    nurse.closeChat("Person stepped away and came back.");
    nurseWait.until(d -> nurse.presence().isEmpty());
  }

  @Test
  void aReloadMidChatShowsEveryMessageOnceInOrder() {
    String conversation = waitingForANurse();
    nurse.claim(conversation);
    wait.until(d -> person.liveBar().equals("You are chatting with a nurse."));

    List<String> said = List.of("Hello, this is Ana from the nurse team.",
        "Hi Ana, thanks for coming so quickly",
        "What would you like to talk about today?",
        "My mum starts immunotherapy on Monday");
    nurse.says(said.get(0));
    wait.until(d -> person.nurseBubble(said.get(0)));
    person.says(said.get(1));
    nurseWait.until(d -> nurse.chatLog().contains(said.get(1)));
    nurse.says(said.get(2));
    wait.until(d -> person.nurseBubble(said.get(2)));
    person.says(said.get(3));
    nurseWait.until(d -> nurse.chatLog().contains(said.get(3)));

    person.reload();
    wait.until(d -> person.liveBar().equals("You are chatting with a nurse."));
    settle();
    assertOnceInOrder(person.logText(), said);

    // The stream is followed again after the reload.
    String after = "Is she having it in hospital or at home?";
    nurse.says(after);
    wait.until(d -> person.nurseBubble(after));
    settle();
    assertOnceInOrder(person.logText(), List.of(said.get(0), said.get(1), said.get(2), said.get(3),
        after));
    assertEquals(1, count(person.logText(), "A nurse has joined"), person.logText());
    assertOnceInOrder(nurse.chatLog(), List.of(said.get(0), said.get(1), said.get(2), said.get(3),
        after));

    nurse.closeChat("Explained what to expect on day one.");
  }

  @Test
  void anEmergencyMidChatShowsTheGuidanceAtOnceAndAlertsTheNurse() {
    chattingWithANurse("Hello, I'm one of the nurses.");

    person.says("my husband has collapsed and isn't breathing");
    WebElement alert = wait.until(d -> d.findElement(
        By.cssSelector(".hlw-alerts [role='alert']")));
    assertNotNull(alert.findElement(By.cssSelector("a[href='tel:999']")));
    assertFalse(driver.findElements(By.cssSelector(".hlw-msg-urgent")).isEmpty(),
        "the emergency guidance is in the conversation too");

    WebElement nurseAlert = nurseWait.until(d -> d.findElement(
        By.cssSelector("#chat-alerts [role='alert']")));
    assertTrue(nurseAlert.getText().contains("Medical emergency"), nurseAlert.getText());
    assertTrue(nurse.chatLog().contains("my husband has collapsed"), nurse.chatLog());

    settle();
    String guidance = driver.findElements(By.cssSelector(".hlw-msg-urgent")).get(0).getText();
    assertEquals(1, count(person.logText(), guidance),
        "the guidance is shown once: " + person.logText());
    assertEquals(1, count(person.logText(), "my husband has collapsed"), person.logText());
    assertEquals("You are chatting with a nurse.", person.liveBar(), "the nurse is still there");

    nurse.closeChat("Person called 999; ambulance on its way.");
  }

  @Test
  void theNurseHandsBackToTheBotWhichAnswersAgain() {
    chattingWithANurse("I hope that helped. The bot can tell you more about the treatments.");

    nurseBrowser.findElement(By.id("chat-return")).click();
    nurseWait.until(d -> d.findElement(By.id("chat-state")).getText()
        .contains("back with the bot"));
    wait.until(d -> person.logText().contains("The nurse has left the chat"));
    wait.until(d -> person.liveBar().isEmpty());
    wait.until(d -> d.findElement(By.cssSelector(".hlw-nurse")).isDisplayed());

    int before = driver.findElements(By.cssSelector(".hlw-msg-bot")).size();
    person.says("what are checkpoint inhibitors");
    wait.until(d -> d.findElements(By.cssSelector(".hlw-msg-bot")).size() > before);
    String answer = driver.findElements(By.cssSelector(".hlw-msg-bot")).get(before).getText();
    assertTrue(answer.contains("Checkpoint inhibitors"), answer);
    assertFalse(nurse.chatLog().contains("what are checkpoint inhibitors"),
        "what the person asks the bot now does not go to the nurse");
    // Handing back closes the handoff; were it still claimed, the nurse closes it here.
    if (nurseBrowser.findElement(By.id("chat-close-form")).isDisplayed()) {
      nurse.closeChat("Answered; back with the bot for the rest.");
    }
  }

  @Test
  void thePersonEndsTheChatAndTheNurseClosesIt() {
    String conversation = waitingForANurse();
    // Waiting, they can already leave: by the button only, not a quick reply as well.
    WebElement end = person.endChatButton();
    assertTrue(end.isDisplayed(), "End chat while waiting");
    assertEquals("End chat", end.getText());
    assertTrue(driver.findElements(By.cssSelector(".hlw-header .hlw-end")).isEmpty(),
        "not in the header, beside the panel's Close");
    assertTrue(driver.findElements(By.cssSelector(".hlw-quick-btn")).stream()
        .noneMatch(b -> b.getText().contains("End chat")), "one End chat, the button");

    nurse.claim(conversation);
    wait.until(d -> person.liveBar().equals("You are chatting with a nurse."));
    nurse.says("Hello, I'm Sam, one of the nurses.");
    wait.until(d -> person.nurseBubble("one of the nurses"));

    // After a reload mid-chat the button is still there.
    person.reload();
    wait.until(d -> person.liveBar().equals("You are chatting with a nurse."));
    WebElement button = wait.until(d -> person.endChatButton().isDisplayed()
        ? person.endChatButton() : null);

    // Tapped by mistake: it asks first, the safe answer has the focus, and it stays.
    button.click();
    WebElement question = person.endChatQuestion();
    wait.until(d -> question.isDisplayed());
    assertTrue(question.getText().contains("Leave the chat with the nurse?"),
        question.getText());
    assertFalse(button.isDisplayed(), "the question in its place");
    screenshot(driver, "nurse-chat-end-question.png");
    assertEquals("No, stay", driver.switchTo().activeElement().getText());
    driver.switchTo().activeElement().sendKeys(Keys.ENTER);
    wait.until(d -> !question.isDisplayed());
    assertEquals("You are chatting with a nurse.", person.liveBar());
    assertEquals("End chat", driver.switchTo().activeElement().getText(), "focus back on it");
    assertFalse(nurse.chatLog().contains("has left"), nurse.chatLog());

    // From the keyboard this time: Enter on End chat, then "Yes, end chat".
    driver.switchTo().activeElement().sendKeys(Keys.ENTER);
    wait.until(d -> question.isDisplayed());
    WebElement yes = question.findElements(By.tagName("button")).stream()
        .filter(b -> b.getText().equals("Yes, end chat")).findFirst().orElseThrow();
    yes.click();
    wait.until(d -> person.logText().contains("You've left the chat with our nurses."));
    wait.until(d -> person.liveBar().isEmpty());
    assertFalse(button.isDisplayed(), "no End chat once left");
    assertFalse(question.isDisplayed());
    wait.until(d -> d.findElement(By.cssSelector(".hlw-nurse")).isDisplayed());
    settle();
    assertEquals(1, count(person.logText(), "left the chat"),
        "said once, by the reply: " + person.logText());
    assertFalse(person.logText().contains("The nurse has left"), person.logText());

    // The nurse sees that they have gone and can no longer write to them.
    nurseWait.until(d -> nurse.chatState().contains("The person has left the chat."));
    assertTrue(nurse.chatLog().contains("The person has left the chat."), nurse.chatLog());
    assertFalse(nurseBrowser.findElement(By.id("chat-text")).isEnabled(), "box disabled");
    assertFalse(nurseBrowser.findElement(By.id("chat-send")).isEnabled(), "send disabled");
    assertFalse(nurseBrowser.findElement(By.id("chat-return")).isDisplayed(),
        "nothing to hand back");
    nurseWait.until(d -> nurse.entryFor(conversation).getText()
        .contains("Live chat: the person has left"));
    nurseBrowser.manage().window().setSize(new Dimension(1280, 1400));
    nurseBrowser.executeScript("document.getElementById('chat').scrollIntoView()");
    screenshot(nurseBrowser, "nurse-chat-left-console.png");

    // The bot answers their next question (saying first, as in every reply while their
    // conversation is in the queue, that it passed it on), which does not go to the nurse.
    int before = driver.findElements(By.cssSelector(".hlw-msg-bot")).size();
    person.says("what are checkpoint inhibitors");
    WebElement answer = wait.until(d -> d.findElements(By.cssSelector(".hlw-msg-bot")).stream()
        .skip(before).filter(b -> b.getText().contains("Checkpoint inhibitors")).findFirst()
        .orElse(null));
    assertFalse(answer.getText().contains("went wrong"), answer.getText());
    settle();
    assertFalse(nurse.chatLog().contains("what are checkpoint inhibitors"), nurse.chatLog());

    // The nurse closes it with an outcome; the person is not told of a chat they left.
    assertTrue(nurseBrowser.findElement(By.id("chat-outcome")).isEnabled());
    nurse.closeChat("The person ended the chat; nothing to follow up.");
    settle();
    assertFalse(person.logText().contains("closed this chat"), person.logText());
    assertTrue(person.liveBar().isEmpty(), person.liveBar());
  }

  @Test
  void leavingInAnotherTabPutsThisOneBackWithTheBotAndTheyCanComeBack() {
    String conversation = chattingWithANurse("Hello, I'm one of the nurses.");

    // Ended in another tab: only the stream tells this one.
    send(conversation, "payload", "nurse_chat_end").body("handoff.status", equalTo("left"));
    wait.until(d -> person.logText().contains(
        "You have left the chat with the nurses. You are talking to the bot again."));
    wait.until(d -> person.liveBar().isEmpty());
    assertFalse(person.endChatButton().isDisplayed());
    nurseWait.until(d -> !d.findElement(By.id("chat-text")).isEnabled());

    // They ask again: the nurse who had their chat is with them at once, and can write again.
    driver.findElement(By.cssSelector(".hlw-nurse")).click();
    wait.until(d -> d.findElement(By.cssSelector(".hlw-quick-btn[data-payload='nurse_chat']")))
        .click();
    wait.until(d -> person.liveBar().equals("You are chatting with a nurse."));
    wait.until(d -> person.endChatButton().isDisplayed());
    nurseWait.until(d -> nurse.chatLog().contains("The person has come back to the chat."));
    nurseWait.until(d -> d.findElement(By.id("chat-text")).isEnabled());
    assertTrue(nurse.chatState().contains("You are chatting"), nurse.chatState());
    settle();
    assertEquals(2, count(person.logText(), "A nurse has joined"),
        "once when claimed, once in the reply that brought them back: " + person.logText());
    nurse.says("Welcome back.");
    wait.until(d -> person.nurseBubble("Welcome back."));
    nurse.closeChat("Came back after leaving; talked it through.");
    wait.until(d -> person.liveBar().isEmpty());
  }

  /** For a look by eye; not committed. */
  private static void screenshot(ChromeDriver browser, String name) {
    try {
      Files.createDirectories(Path.of("target"));
      Files.write(Path.of("target", name), browser.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The nurse signed in, the person asks for a chat; their conversation id. */
  private String waitingForANurse() {
    nurse.signIn(console.toString());
    person.open(home.toString());
    return person.askForANurseChat();
  }

  /** As {@link #waitingForANurse}, then the nurse claims the chat and says hello. */
  private String chattingWithANurse(String hello) {
    String conversation = waitingForANurse();
    nurse.claim(conversation);
    nurse.says(hello);
    wait.until(d -> person.nurseBubble(hello));
    return conversation;
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

    person.open(home.toString());
    String conversation = person.askForANurseChat();
    int place = person.placeInQueue();
    assertTrue(place >= 2, person.liveBar());

    String firstId = handoffOf(first);
    as("nurse").when().post("/api/v1/staff/handoffs/" + firstId + "/claim").then()
        .statusCode(200);
    wait.until(d -> person.placeInQueue() == place - 1);
    assertFalse(person.logText().contains("minute"),
        "no made-up waiting times: " + person.logText());

    for (String id : List.of(firstId, handoffOf(conversation))) {
      as("nurse").when().post("/api/v1/staff/handoffs/" + id + "/claim").then().statusCode(200);
      as("nurse").contentType(ContentType.JSON).body(Map.of("outcome", "Test over."))
          .when().post("/api/v1/staff/handoffs/" + id + "/close").then().statusCode(200);
    }
    wait.until(d -> person.logText().contains("The nurse has left the chat"));
  }

  @Test
  void bothSidesCatchUpOnceAfterTheConnectionDrops() throws IOException {
    try (CuttableTcpProxy proxy = new CuttableTcpProxy("127.0.0.1", home.getPort())) {
      String via = "http://127.0.0.1:" + proxy.port();
      nurse.signIn(via + "/staff/");
      person.open(via + "/");
      String conversation = person.askForANurseChat();
      nurse.claim(conversation);
      nurse.says("Hello, I'm here now.");
      wait.until(d -> person.nurseBubble("I'm here now"));

      proxy.cut();
      // Meanwhile each of them writes from elsewhere (another tab, say).
      given().contentType(ContentType.JSON).body(Map.of("conversationId", conversation,
          "text", "are you still there")).when().post("/api/v1/chat").then().statusCode(200)
          .body("action", equalTo("relayed"));
      as("nurse").contentType(ContentType.JSON).body(Map.of("text", "Yes, still here."))
          .when().post("/api/v1/staff/handoffs/" + handoffOf(conversation) + "/messages")
          .then().statusCode(201);
      settle();
      proxy.restore();

      wait.until(d -> person.nurseBubble("Yes, still here."));
      wait.until(d -> person.logText().contains("are you still there"));
      nurseWait.until(d -> nurse.chatLog().contains("Yes, still here."));
      nurseWait.until(d -> nurse.chatLog().contains("are you still there"));
      settle();
      assertOnceInOrder(person.logText(), List.of("Hello, I'm here now.", "are you still there",
          "Yes, still here."));
      assertOnceInOrder(nurse.chatLog(), List.of("Hello, I'm here now.", "are you still there",
          "Yes, still here."));
      nurse.closeChat("Reconnected and finished.");
    }
  }
}
