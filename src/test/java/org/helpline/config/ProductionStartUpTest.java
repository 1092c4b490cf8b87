package org.helpline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.util.List;
import java.util.Map;
import org.helpline.staff.StaffAccountFiles;
import org.helpline.support.LogCapture;
import org.junit.jupiter.api.Test;

/**
 * The real application, started in the {@code prod} profile, refuses to start with an unsafe
 * secret: it exits with status 1 and a message that names the property and what to do, never
 * the value. (That it starts with no secrets at all, and with good ones, is shown by
 * {@code ProductionWithoutSecretsTest} and {@code ProductionWithSecretsTest}.)
 *
 * <p>Each case is set as system properties for one launch; the profile gives the prod start
 * its own data directory.
 */
@QuarkusMainTest
@TestProfile(ProductionStartUpTest.Prod.class)
class ProductionStartUpTest {

  private static final String TEST_SECRET = "t3legram-Secret_token-0123456789";

  /** The production profile, with its embedded database under target/. */
  public static class Prod implements QuarkusTestProfile {
    @Override
    public String getConfigProfile() {
      return "prod";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("helpline.storage.data-dir", "./target/prod-data");
    }
  }

  @Test
  void unsafeSecretsStopStartUpAndEachIsNamedWithoutItsValue(QuarkusMainLauncher launcher) {
    String output = refused(launcher, Map.of(
        "helpline.channels.twilio.webhook-url", "https://bot.helpline.org/webhooks/twilio",
        "helpline.channels.telegram.secret-token", TEST_SECRET,
        "helpline.channels.messenger.app-secret", "",
        "helpline.staff.users-file", "src/test/resources/staff/users.txt"));
    for (String expected : List.of(
        "helpline.channels.twilio.auth-token (HELPLINE_CHANNELS_TWILIO_AUTH_TOKEN) is not set",
        "helpline.channels.telegram.secret-token (HELPLINE_CHANNELS_TELEGRAM_SECRET_TOKEN) is a"
            + " value from this repository's tests",
        "helpline.channels.messenger.app-secret (HELPLINE_CHANNELS_MESSENGER_APP_SECRET) is"
            + " empty",
        "helpline.channels.messenger.page-access-token"
            + " (HELPLINE_CHANNELS_MESSENGER_PAGE_ACCESS_TOKEN) is not set",
        "helpline.staff.users-file (HELPLINE_STAFF_USERS_FILE)"
            + " (src/test/resources/staff/users.txt) has demo account(s)")) {
      assertTrue(output.contains(expected), expected + " in:\n" + output);
    }
    assertFalse(output.contains(TEST_SECRET), output);
    assertFalse(output.contains("-test-pw"), output);
  }

  @Test
  void anEmptyPasswordHashStopsStartUp(QuarkusMainLauncher launcher) {
    String file = StaffAccountFiles.write("empty-hash",
        "ana:" + StaffAccountFiles.bcrypt("ana's own long passphrase") + ":nurse",
        "bob::nurse").toString();
    String output = refused(launcher, Map.of("helpline.staff.users-file", file));
    assertTrue(output.contains(file + ":2: the password hash is empty"), output);
  }

  /**
   * Launches with {@code properties} set, expects a refusal, and returns what was logged
   * (messages and the chain of exceptions: the launcher's own output capture stays empty
   * with the asynchronous console handler).
   */
  private static String refused(QuarkusMainLauncher launcher, Map<String, String> properties) {
    properties.forEach(System::setProperty);
    LaunchResult result;
    List<String> logged;
    try (LogCapture capture = LogCapture.start()) {
      result = launcher.launch();
      logged = capture.lines();
    } finally {
      properties.keySet().forEach(System::clearProperty);
    }
    String output = String.join("\n", logged) + "\n" + result.getOutput() + "\n"
        + result.getErrorOutput();
    assertEquals(1, result.exitCode(), output);
    assertTrue(output.contains("refusing to start in the prod profile")
        || output.contains("bad staff accounts file"), output);
    return output;
  }
}
