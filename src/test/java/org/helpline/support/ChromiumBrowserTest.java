package org.helpline.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the browser tests share: Debian's Chromium, headless, driven by Debian's chromedriver,
 * a fresh profile for every test, nothing downloaded. A test is skipped (a JUnit assumption)
 * when Chromium or chromedriver is not installed ({@code apt-get install chromium
 * chromium-driver}).
 */
public abstract class ChromiumBrowserTest {

  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  /** The browser, 1280 x 900 to start with. */
  protected ChromeDriver driver;
  /** Waits up to 15 seconds. */
  protected WebDriverWait wait;
  private final List<ChromeDriver> drivers = new ArrayList<>();
  private final List<Path> profiles = new ArrayList<>();

  @BeforeEach
  void startBrowser() throws IOException {
    assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
        "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
    // Never let Selenium Manager look for (or download) a browser or driver.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    System.setProperty("SE_OFFLINE", "true");
    driver = newBrowser();
    wait = new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  /**
   * Another browser with a profile of its own (nothing shared with {@link #driver}: two people
   * on two machines), closed after the test like the first.
   */
  protected ChromeDriver newBrowser() throws IOException {
    Path profile = Files.createTempDirectory("helpline-chromium-");
    profiles.add(profile);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
        "--user-data-dir=" + profile, "--window-size=1280,900");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    ChromeDriver browser = new ChromeDriver(service, options);
    drivers.add(browser);
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    return browser;
  }

  @AfterEach
  void stopBrowser() throws IOException {
    for (ChromeDriver browser : drivers) {
      browser.quit();
    }
    drivers.clear();
    for (Path profile : profiles) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    profiles.clear();
  }

  protected JavascriptExecutor js() {
    return driver;
  }

  /** The id of the element that has the keyboard focus. */
  protected String activeElementId() {
    return (String) js().executeScript("return document.activeElement.id");
  }
}
