package org.helpline.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The two pages of a live chat as the browser tests drive them, page-object style: the web
 * chat widget as the person uses it ({@link Widget}) and the nurses' staff console as a nurse
 * uses it ({@link Console}). Each step waits until the page shows its result, as a person
 * would, so a test reads as what they do and what they see.
 */
public final class ChatPages {

  private static final Duration PATIENCE = Duration.ofSeconds(15);

  private ChatPages() {
  }

  /** A page in one browser, and the patience to wait for it. */
  private abstract static class Page {

    final ChromeDriver browser;
    final WebDriverWait wait;

    Page(ChromeDriver browser) {
      this.browser = browser;
      this.wait = new WebDriverWait(browser, PATIENCE);
    }
  }

  /** The person's chat widget, in their browser. */
  public static final class Widget extends Page {

    private static final By LAUNCHER = By.cssSelector(".hlw-launcher");
    private static final By PANEL = By.cssSelector(".hlw-panel");

    public Widget(ChromeDriver browser) {
      super(browser);
    }

    /** Loads the page and opens the chat from its launcher. */
    public void open(String page) {
      browser.get(page);
      wait.until(d -> d.findElement(LAUNCHER).isDisplayed());
      browser.findElement(LAUNCHER).click();
      wait.until(d -> d.findElement(PANEL).isDisplayed());
    }

    /** Reloads the page; the panel opens again by itself. */
    public void reload() {
      browser.navigate().refresh();
      wait.until(d -> d.findElement(PANEL).isDisplayed());
    }

    /** Sends a message with Enter and waits until the widget is ready for the next one. */
    public void says(String text) {
      browser.findElement(By.id("hlw-input")).sendKeys(text + Keys.ENTER);
      wait.until(d -> "false".equals(d.findElement(By.cssSelector(".hlw-send"))
          .getDomAttribute("aria-disabled")));
    }

    /**
     * Asks for a nurse, then for the chat offered, and waits to be told their place in the
     * queue; returns the conversation id.
     */
    public String askForANurseChat() {
      says("can i speak to a nurse please");
      wait.until(d -> d.findElement(By.cssSelector(".hlw-quick-btn[data-payload='nurse_chat']")))
          .click();
      wait.until(d -> d.findElement(By.cssSelector(".hlw-live")).isDisplayed()
          && liveBar().startsWith("You are number "));
      return conversationId();
    }

    /** The id of the conversation this tab is in. */
    public String conversationId() {
      Object raw = browser.executeScript(
          "return sessionStorage.getItem('helpline-widget.conversationId')");
      assertNotNull(raw);
      return raw.toString().replace("\"", "");
    }

    /** Where the person stands in the nurse chat, as the bar above the conversation says. */
    public String liveBar() {
      return browser.findElement(By.cssSelector(".hlw-live")).getText().strip();
    }

    /** The place the widget says the person has in the queue, or 0. */
    public int placeInQueue() {
      Matcher m = Pattern.compile("number (\\d+) in the queue").matcher(liveBar());
      return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The conversation as shown, line by line. */
    public String logText() {
      return (String) browser.executeScript(
          "return document.querySelector('.hlw-log').innerText");
    }

    /** The nurse's bubble with this text, or null. */
    public WebElement nurseBubble(String text) {
      return browser.findElements(By.cssSelector(".hlw-msg-nurse")).stream()
          .filter(b -> b.getText().contains(text)).findFirst().orElse(null);
    }

    /** The "End chat" button, shown or not. */
    public WebElement endChatButton() {
      return browser.findElement(By.cssSelector(".hlw-live-row .hlw-end"));
    }

    /** The question "End chat" asks before the chat is ended, shown or not. */
    public WebElement endChatQuestion() {
      return browser.findElement(By.cssSelector(".hlw-end-confirm"));
    }
  }

  /** A nurse's staff console, in their browser. */
  public static final class Console extends Page {

    public Console(ChromeDriver browser) {
      super(browser);
    }

    /** Signs in as the demo nurse; the queue shows. */
    public void signIn(String page) {
      browser.get(page);
      wait.until(d -> d.findElement(By.id("sign-in-name")).isDisplayed());
      browser.findElement(By.id("sign-in-name")).sendKeys("nurse");
      browser.findElement(By.id("sign-in-password")).sendKeys("nurse-test-pw" + Keys.ENTER);
      wait.until(d -> d.findElement(By.id("console")).isDisplayed());
    }

    /** The conversation's entry in the queue, once it is there. */
    public WebElement entryFor(String conversationId) {
      By by = By.xpath("//ol[@id='queue-list']/li[.//p[contains(@class,'meta')]"
          + "[contains(., 'conversation " + conversationId.substring(0, 8) + "')]]");
      return wait.until(d -> d.findElements(by).stream().findFirst().orElse(null));
    }

    /** Claims the person's chat from the live queue; the chat panel opens, ready to type. */
    public void claim(String conversationId) {
      wait.until(d -> entryFor(conversationId).getText().contains("Live chat: waiting"));
      entryFor(conversationId).findElement(By.cssSelector(".claim-button")).click();
      wait.until(d -> d.findElement(By.id("chat")).isDisplayed());
      assertEquals("chat-text", (String) browser.executeScript(
          "return document.activeElement.id"), "ready to type");
      wait.until(d -> chatState().contains("You are chatting"));
    }

    /** Writes in the open chat with Enter; waits until it is in the log, the box emptied. */
    public void says(String text) {
      WebElement box = browser.findElement(By.id("chat-text"));
      box.sendKeys(text + Keys.ENTER);
      wait.until(d -> chatLog().contains(text));
      assertEquals("", box.getDomProperty("value"), "the box is emptied once sent");
    }

    /** The open chat's conversation. */
    public String chatLog() {
      return browser.findElement(By.id("chat-log")).getText();
    }

    /** How the open chat stands, as the line above it says. */
    public String chatState() {
      return browser.findElement(By.id("chat-state")).getText();
    }

    /** Whether the person has the web chat open, as the line under the state says. */
    public String presence() {
      WebElement line = browser.findElement(By.id("chat-presence"));
      return line.isDisplayed() ? line.getText() : "";
    }

    /** Closes the open chat with this outcome. */
    public void closeChat(String outcome) {
      browser.findElement(By.id("chat-outcome")).sendKeys(outcome);
      browser.findElement(By.id("chat-close")).click();
      wait.until(d -> d.findElement(By.id("chat-message")).getText().contains("closed"));
    }
  }
}
