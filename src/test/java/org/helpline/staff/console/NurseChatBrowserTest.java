package org.helpline.staff.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.helpline.support.ChatApi.as;
import static org.helpline.support.ChatApi.handoffOf;
import static org.helpline.support.ChatTranscripts.assertOnceInOrder;
import static org.helpline.support.ChatTranscripts.count;
import static org.helpline.support.ChatTranscripts.settle;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
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
