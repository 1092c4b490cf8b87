package org.helpline.staff.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.helpline.support.ChromiumBrowserTest;
import org.helpline.support.PackagedApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A content change signed off in the staff console, in real browsers, on two packaged
 * instances over one PostgreSQL schema: on instance A the editor starts a draft, changes the
 * first bubble of {@code dialogs/cytokines.yml} in the form and adds an example to
 * {@code intents/cytokines.txt}, tries it in the draft's chat, evaluates and submits it; the
 * editor has no approve action (and the API refuses one); the clinician, in a second browser,
 * reads the change side by side and approves; the editor publishes; within 5 s a person in
 * the chat widget on instance B gets the new answer; the editor restores the earlier version
 * and within 5 s B gives the old answer again. With {@code -Dscreenshots=true} it writes the
 * pictures in {@code docs/images/}. Runs with {@code ./mvnw verify} when
 * {@code HELPLINE_TEST_POSTGRES_URL} is set (skipped otherwise, and without Chromium).
 */
class ContentSignOffBrowserIT extends ChromiumBrowserTest {

  private static final String POSTGRES_URL_ENV = "HELPLINE_TEST_POSTGRES_URL";
  private static final int PORT_A = 18095;
  private static final int PORT_B = 18096;
  private static final Path DIR = Path.of("target", "content-sign-off-it");
  private static final Path IMAGES = Path.of("docs", "images");
  private static final String SCHEMA = "helpline_content_sign_off";
  private static final String OLD_TEXT = "Cytokines are proteins that your body makes naturally.";
  private static final String NEW_START = "Cytokines are natural messenger proteins.";
  private static final String NEW_TEXT = NEW_START + " They help immune cells send signals to"
      + " each other, so they can work together.";
  private static final String EXAMPLE = "what do cytokine treatments do in the body";
  private static final String QUESTION = "what is a cytokine";
  private static final String UNRECOGNISED = "where can i park my bicycle in town";
  /** How soon the other instance must answer from a newly live version. */
  private static final Duration FOLLOW = Duration.ofSeconds(5);
  /** Training the draft's bot, and evaluating it, take a while on a small machine. */
  private static final Duration SLOW = Duration.ofMinutes(4);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final List<PackagedApp> running = new ArrayList<>();
  private final Map<String, String> passwords = Map.of("editor", UUID.randomUUID().toString(),
      "clinician", UUID.randomUUID().toString());

  @AfterEach
  void stopApps() throws InterruptedException {
    for (PackagedApp app : running) {
      if (app.isAlive()) {
        app.stop();
      }
    }
  }

  @Test
  void anEditorDraftsAClinicianSignsOffAndEveryInstanceFollows() throws Exception {
    String url = System.getenv(POSTGRES_URL_ENV);
    assumeTrue(url != null, POSTGRES_URL_ENV + " is not set");
    PackagedApp.clean(DIR);
    Map<String, String> env = PackagedApp.postgres(url, SCHEMA);
    Map<String, String> props = Map.of("helpline.staff.users-file",
        staffFile().toAbsolutePath().toString());
    PackagedApp a = start(PORT_A, "a", env, props);
    PackagedApp b = start(PORT_B, "b", env, props);
    String versions = staff(a, "editor", "GET", "/api/v1/staff/content/versions").body();
    int before = Integer.parseInt(versions.replaceAll("(?s)^\\[\\{\"version\":(\\d+).*", "$1"));

    ChromeDriver editor = driver;
    editor.manage().window().setSize(new Dimension(1200, 900));
    signIn(editor, a, "editor");

    // A draft, and the first bubble changed in the form: its count turns into a warning
    // over the limit, and the save shows no problem.
    editor.findElement(By.id("draft-new-note")).sendKeys("Simpler words for cytokines");
    editor.findElement(By.id("draft-new-start")).click();
    wait.until(d -> d.findElement(By.id("draft")).isDisplayed());
    openFile(editor, "dialogs/cytokines.yml");
    WebElement bubble = wait.until(d -> d.findElement(
        By.cssSelector("#bubbles .bubble textarea")));
    assertTrue(bubble.getDomProperty("value").startsWith(OLD_TEXT),
        bubble.getDomProperty("value"));
    ((JavascriptExecutor) editor).executeScript("arguments[0].value = 'x'.repeat(601);"
        + " arguments[0].dispatchEvent(new Event('input'));", bubble);
    WebElement counter = editor.findElement(By.cssSelector("#bubbles .bubble .counter"));
    assertTrue(counter.getDomAttribute("class").contains("is-over") && counter.isDisplayed()
        && counter.getText().contains("over the limit"), counter.getText());
    bubble.clear();
    bubble.sendKeys(NEW_TEXT);
    assertEquals(NEW_TEXT.length() + " of 600 characters", counter.getText());
    editor.findElement(By.id("dialog-save")).click();
    wait.until(d -> text(d, "file-message").startsWith("Saved. No problems."));
    wait.until(d -> !d.findElements(By.cssSelector(
        "#draft-files li.is-changed [data-path='dialogs/cytokines.yml']")).isEmpty());
    snap(editor, "content-draft-form", "file-editor");

    // One more way of asking, in the intent's list.
    openFile(editor, "intents/cytokines.txt");
    wait.until(d -> d.findElement(By.id("intent-editor")).isDisplayed());
    editor.findElement(By.id("example-text")).sendKeys(EXAMPLE);
    editor.findElement(By.id("example-add")).click();
    wait.until(d -> d.findElement(By.id("intent-examples")).getDomProperty("value")
        .contains("\n" + EXAMPLE + "\n"));
    wait.until(d -> text(d, "file-message").startsWith("Saved"));

    // Tried in the draft's own chat (the first message trains its bot).
    editor.findElement(By.id("try-text")).sendKeys(QUESTION + Keys.ENTER);
    new WebDriverWait(editor, SLOW).until(d -> text(d, "try-log").contains(NEW_START));

    // Evaluated beside the live bot: safety is not lowered.
    editor.findElement(By.id("eval-run")).click();
    new WebDriverWait(editor, SLOW).until(d -> d.findElement(By.id("eval-result"))
        .isDisplayed() || text(d, "eval-message").startsWith("Could not"));
    assertTrue(editor.findElement(By.id("eval-result")).isDisplayed(),
        text(editor, "eval-message"));
    assertFalse(editor.findElement(By.id("eval-safety")).isDisplayed());
    assertTrue(text(editor, "eval-figures").contains("Safety recall"));
    snap(editor, "content-evaluation", "eval");

    editor.findElement(By.id("submit-note")).sendKeys("First bubble in simpler words");
    editor.findElement(By.id("draft-submit")).click();
    new WebDriverWait(editor, SLOW).until(d -> "submitted".equals(d.findElement(
        By.id("draft")).getDomAttribute("data-status")));
    String id = editor.findElement(By.cssSelector("#drafts-list [data-draft]"))
        .getDomAttribute("data-draft");

    // The author is no clinician: no approve action, and the API refuses one.
    assertFalse(editor.findElement(By.id("review-form")).isDisplayed());
    assertTrue(editor.findElements(By.id("draft-approve")).stream()
        .noneMatch(WebElement::isDisplayed));
    assertEquals(403, staff(a, "editor", "POST", "/api/v1/staff/content/drafts/" + id
        + "/approve").statusCode());

    // The clinician reads the change side by side and approves it.
    ChromeDriver clinician = newBrowser();
    WebDriverWait clinicianWait = new WebDriverWait(clinician, Duration.ofSeconds(30));
    clinician.manage().window().setSize(new Dimension(1200, 900));
    signIn(clinician, a, "clinician");
    WebElement waiting = clinicianWait.until(d -> d.findElement(By.cssSelector(
        "#review-drafts [data-draft='" + id + "'] .open-draft")));
    waiting.click();
    WebElement diff = clinicianWait.until(d -> d.findElement(By.cssSelector(
        "#diff-files .file-diff[data-path='dialogs/cytokines.yml']")));
    assertTrue(diff.findElement(By.cssSelector("td.del")).getText().contains(OLD_TEXT),
        diff.getText());
    assertTrue(diff.findElement(By.cssSelector("td.ins")).getText().contains(NEW_START),
        diff.getText());
    assertTrue(text(clinician, "diff-files").contains(EXAMPLE));
    snap(clinician, "content-diff", "diff");
    clinician.findElement(By.id("review-comment")).sendKeys("Clear and correct.");
    clinician.findElement(By.id("draft-approve")).click();
    clinicianWait.until(d -> "approved".equals(d.findElement(By.id("draft"))
        .getDomAttribute("data-status")));

    // The editor publishes; the person on B gets the new answer within seconds.
    ChromeDriver person = newBrowser();
    openWidget(person, b);
    assertTrue(ask(person, QUESTION).contains(OLD_TEXT));
    editor.findElement(By.id("draft-refresh")).click();
    wait.until(d -> d.findElement(By.id("publish-form")).isDisplayed());
    editor.findElement(By.id("publish-note")).sendKeys("Simpler words for cytokines");
    editor.findElement(By.id("draft-publish")).click();
    wait.until(d -> text(d, "draft-message").startsWith("Published as version"));
    assertAnswerWithin(person, NEW_START);

    // One click back (with a confirmation), and B follows again.
    wait.until(d -> text(d, "versions-message").equals("Version " + (before + 1)
        + " is live."));
    snap(editor, "content-versions", "versions");
    editor.findElement(By.cssSelector("#versions-list [data-version='" + before
        + "'] button.restore")).click();
    editor.findElement(By.cssSelector("#versions-list [data-version='" + before
        + "'] button.confirm-restore")).click();
    wait.until(d -> text(d, "versions-message").startsWith("Version " + before
        + " is live again"));
    assertAnswerWithin(person, OLD_TEXT);

    // A question the bot did not recognise, on B, goes into a new draft with one action.
    ask(person, UNRECOGNISED);
    editor.findElement(By.id("unrecognised-refresh")).click();
    WebElement group = wait.until(d -> d.findElements(By.cssSelector("#unrecognised-list li"))
        .stream().filter(li -> li.getText().contains(UNRECOGNISED)).findFirst().orElse(null));
    group.findElement(By.cssSelector("button.add-to-draft")).click();
    WebElement form = group.findElement(By.cssSelector("form.add-form"));
    WebElement intent = form.findElement(By.cssSelector("input[list='intent-ids']"));
    intent.clear();
    intent.sendKeys("out_of_scope");
    assertEquals("Start a new draft", form.findElement(By.cssSelector("select option:checked"))
        .getText(), "no draft is being edited, so a new one is offered");
    form.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(d -> form.findElement(By.cssSelector(".message")).getText()
        .equals("Added to the draft under out_of_scope."));
  }

  // ------------------------------------------------------------------ browsers

  private void signIn(ChromeDriver browser, PackagedApp app, String name) {
    browser.get(app.base() + "/staff/");
    WebDriverWait w = new WebDriverWait(browser, Duration.ofSeconds(15));
    w.until(d -> d.findElement(By.id("sign-in-name")).isDisplayed());
    browser.findElement(By.id("sign-in-name")).sendKeys(name);
    browser.findElement(By.id("sign-in-password")).sendKeys(passwords.get(name) + Keys.ENTER);
    try {
      w.until(d -> d.findElement(By.id("content-area")).isDisplayed());
    } catch (RuntimeException e) {
      throw new AssertionError("the content area did not show for " + name + ": "
          + browser.findElement(By.tagName("main")).getText(), e);
    }
  }

  private static void openFile(ChromeDriver browser, String path) {
    WebDriverWait w = new WebDriverWait(browser, Duration.ofSeconds(30));
    w.until(d -> d.findElement(By.cssSelector("#draft-files [data-path='" + path + "']")))
        .click();
    w.until(d -> path.equals(text(d, "file-title")) && text(d, "file-message").isEmpty());
  }

  private static String text(WebDriver browser, String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private static void openWidget(ChromeDriver person, PackagedApp app) {
    person.get(app.base() + "/");
    WebDriverWait w = new WebDriverWait(person, Duration.ofSeconds(15));
    w.until(d -> d.findElement(By.cssSelector(".hlw-launcher")).isDisplayed());
    person.findElement(By.cssSelector(".hlw-launcher")).click();
    w.until(d -> d.findElement(By.cssSelector(".hlw-panel")).isDisplayed());
  }

  /** Asks in the widget and answers the text of the bot's new bubbles. */
  private static String ask(ChromeDriver person, String question) {
    int before = person.findElements(By.cssSelector(".hlw-msg-bot")).size();
    person.findElement(By.id("hlw-input")).sendKeys(question + Keys.ENTER);
    new WebDriverWait(person, Duration.ofSeconds(15)).until(d -> d.findElements(
        By.cssSelector(".hlw-msg-bot")).size() > before
        && !d.findElement(By.cssSelector(".hlw-typing")).isDisplayed());
    List<WebElement> bubbles = person.findElements(By.cssSelector(".hlw-msg-bot"));
    StringBuilder text = new StringBuilder();
    for (WebElement b : bubbles.subList(before, bubbles.size())) {
      text.append(b.getText()).append('\n');
    }
    return text.toString();
  }

  /** Asks on the other instance until the answer has the text; fails after {@link #FOLLOW}. */
  private static void assertAnswerWithin(ChromeDriver person, String expected) {
    long deadline = System.nanoTime() + FOLLOW.toNanos();
    String answer;
    do {
      answer = ask(person, QUESTION);
      if (answer.contains(expected)) {
        return;
      }
    } while (System.nanoTime() < deadline);
    throw new AssertionError("instance B did not answer with \"" + expected + "\" within "
        + FOLLOW.toSeconds() + " s; it said: " + answer);
  }

  /**
   * A picture of a part of the console, scrolled to the top: always in the test's directory,
   * and in docs/images when {@code -Dscreenshots} is set.
   */
  private static void snap(ChromeDriver browser, String name, String id) throws IOException {
    browser.executeScript("arguments[0].scrollIntoView({block: 'start'})",
        browser.findElement(By.id(id)));
    byte[] png = browser.getScreenshotAs(OutputType.BYTES);
    Files.write(DIR.resolve(name + ".png"), png);
    if (System.getProperty("screenshots") != null) {
      Files.createDirectories(IMAGES);
      Files.write(IMAGES.resolve(name + ".png"), png);
    }
  }

  // ------------------------------------------------------------------ instances

  private PackagedApp start(int port, String name, Map<String, String> env,
      Map<String, String> props) throws IOException, InterruptedException {
    PackagedApp app = PackagedApp.start(port, DIR.resolve(name + ".log"), env, props);
    running.add(app);
    return app;
  }

  /** An editor and a clinician whose passwords exist only in this run. */
  private Path staffFile() throws IOException {
    Path file = DIR.resolve("staff.txt");
    StringBuilder lines = new StringBuilder();
    passwords.forEach((name, password) -> lines.append(name).append(':')
        .append(BcryptUtil.bcryptHash(password)).append(':').append(name).append('\n'));
    Files.writeString(file, lines);
    return file;
  }

  private HttpResponse<String> staff(PackagedApp app, String name, String method, String path)
      throws IOException, InterruptedException {
    String credentials = Base64.getEncoder().encodeToString((name + ":" + passwords.get(name))
        .getBytes(StandardCharsets.UTF_8));
    return HTTP.send(HttpRequest.newBuilder(URI.create(app.base() + path))
        .header("Authorization", "Basic " + credentials)
        .header("Content-Type", "application/json")
        .method(method, "GET".equals(method) ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString("{\"comment\":\"fine\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
  }


}
