package org.helpline.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver, for the browser tests: a fresh
 * profile per browser, nothing downloaded. {@link #start} skips the calling test (a JUnit
 * assumption) when Chromium or chromedriver is not installed
 * ({@code apt-get install chromium chromium-driver}).
 */
public final class HeadlessChromium implements AutoCloseable {

  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private final ChromeDriver driver;
  private final Path profile;
  private final WebDriverWait wait;

  private HeadlessChromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  /** Starts a browser with a 1280 x 900 window, or skips the test without Chromium. */
  public static HeadlessChromium start() throws IOException {
    assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
        "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
    // Never let Selenium Manager look for (or download) a browser or driver.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    System.setProperty("SE_OFFLINE", "true");
    Path profile = Files.createTempDirectory("helpline-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
        "--user-data-dir=" + profile, "--window-size=1280,900");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    return new HeadlessChromium(driver, profile);
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Waits up to 15 seconds. */
  public WebDriverWait waiter() {
    return wait;
  }

  /** Quits the browser and deletes its profile. */
  @Override
  public void close() throws IOException {
    driver.quit();
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
