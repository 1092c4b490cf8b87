package org.helpline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.helpline.staff.StaffAccountFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules behind the production start-up check (the real start is in
 * {@code ProductionStartUpTest}): which channel settings, secrets and staff accounts are
 * refused, and that a refusal names the property and never shows the value.
 */
class ProductionSecretsTest {

  private static final String STRONG = HexFormat.of().formatHex(random(32));

  @Test
  void nothingConfiguredIsFine() {
    assertEquals(List.of(), ProductionSecrets.channelProblems(Map.<String, String>of()::get));
  }

  @Test
  void completeChannelsWithStrongSecretsAreFine() {
    Map<String, String> config = new HashMap<>();
    config.put("helpline.channels.twilio.auth-token", STRONG);
    config.put("helpline.channels.twilio.webhook-url", "https://bot.helpline.org/webhooks/twilio");
    config.put("helpline.channels.telegram.secret-token", strong());
    config.put("helpline.channels.whatsapp.app-secret", strong());
    config.put("helpline.channels.whatsapp.verify-token", strong());
    config.put("helpline.channels.whatsapp.access-token", "EAAG" + strong());
    config.put("helpline.channels.user-id-key", strong());
    assertEquals(List.of(), ProductionSecrets.channelProblems(config::get));
  }

  @Test
  void aPartlyConfiguredChannelNamesWhatIsMissing() {
    List<String> problems = ProductionSecrets.channelProblems(Map.of(
        "helpline.channels.twilio.webhook-url", "https://bot.helpline.org/webhooks/twilio",
        "helpline.channels.whatsapp.app-secret", STRONG,
        "helpline.channels.whatsapp.access-token", strong())::get);
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("helpline.channels.twilio.auth-token"
        + " (HELPLINE_CHANNELS_TWILIO_AUTH_TOKEN) is not set"), problems.get(0));
    assertTrue(problems.get(0).contains("unset every helpline.channels.twilio.* property"),
        problems.get(0));
    assertTrue(problems.get(1).startsWith("helpline.channels.whatsapp.verify-token"
        + " (HELPLINE_CHANNELS_WHATSAPP_VERIFY_TOKEN) is not set"), problems.get(1));
    assertFalse(String.join(" ", problems).contains(STRONG));
  }

  @Test
  void aSecretWithoutItsUrlIsPartToo() {
    List<String> problems = ProductionSecrets.channelProblems(Map.of(
        "helpline.channels.twilio.auth-token", STRONG)::get);
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).startsWith("helpline.channels.twilio.webhook-url"),
        problems.get(0));
  }

  @Test
  void emptyShortPlaceholderAndRepetitiveSecretsAreRefused() {
    Map<String, String> weak = Map.of(
        "", "is empty",
        "   ", "is empty",
        "s3cr3t-Tok3n", "is shorter than 16 characters",
        "changeme-changeme-42", "is a placeholder",
        "<your Twilio auth token>", "is a placeholder",
        "${TWILIO_TOKEN}", "is a placeholder",
        "your-secret-goes-here-1234", "is a placeholder",
        "aaaaaaaaaaaaaaaaaaaaaaaa", "repeats too few characters",
        "abababababababababab", "repeats too few characters");
    weak.forEach((value, why) -> {
      String weakness = ProductionSecrets.weakness(value);
      assertNotNull(weakness, "'" + value + "'");
      assertTrue(weakness.startsWith(why), "'" + value + "': " + weakness);
      List<String> problems = ProductionSecrets.channelProblems(Map.of(
          "helpline.channels.telegram.secret-token", value)::get);
      assertEquals(1, problems.size());
      assertTrue(problems.get(0).startsWith("helpline.channels.telegram.secret-token"
          + " (HELPLINE_CHANNELS_TELEGRAM_SECRET_TOKEN) " + why), problems.get(0));
      assertTrue(value.isBlank() || !problems.get(0).contains(value), problems.get(0));
    });
    assertNull(ProductionSecrets.weakness(STRONG));
    assertNull(ProductionSecrets.weakness("Correct-Horse-Battery-Staple-Helpline-2026"));
  }

  @Test
  void everySecretInThisRepositorysTestsIsRefused() throws IOException {
    Set<String> found = testSecrets();
    assertTrue(found.size() >= 10, "the scan found the tests' secrets: " + found);
    for (String secret : found) {
      assertNotNull(ProductionSecrets.weakness(secret), secret + " is used in a test: add it to"
          + " ProductionSecrets.KNOWN_TEST_VALUES");
      List<String> problems = ProductionSecrets.channelProblems(Map.of(
          "helpline.channels.telegram.secret-token", secret)::get);
      assertEquals(1, problems.size(), secret);
      assertFalse(problems.get(0).contains(secret), problems.get(0));
    }
  }

  @Test
  void theDemoAccountsFileIsRefusedAndOwnAccountsAreNot(@TempDir Path dir) throws IOException {
    List<String> demo = ProductionSecrets.staffProblems(Path.of("src/test/resources/staff/users.txt"));
    assertEquals(1, demo.size());
    assertTrue(demo.get(0).startsWith("helpline.staff.users-file (HELPLINE_STAFF_USERS_FILE)"),
        demo.get(0));
    assertTrue(demo.get(0).contains("[admin, clinician, editor, nurse, nurse2, trainee]"),
        demo.get(0));
    assertFalse(demo.get(0).contains("test-pw"), demo.get(0));

    Path own = dir.resolve("users");
    Files.writeString(own, "ana:" + StaffAccountFiles.bcrypt("a long passphrase for ana")
        + ":nurse\nnurse:" + StaffAccountFiles.bcrypt("nurse's own passphrase") + ":nurse\n",
        StandardCharsets.UTF_8);
    assertEquals(List.of(), ProductionSecrets.staffProblems(own));

    // The demo password hashed afresh (another salt) is still the demo password.
    Path rehashed = dir.resolve("rehashed");
    Files.writeString(rehashed, "editor:" + StaffAccountFiles.bcrypt("editor-test-pw")
        + ":editor\n", StandardCharsets.UTF_8);
    List<String> problems = ProductionSecrets.staffProblems(rehashed);
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).contains("[editor]"), problems.get(0));
  }

  /**
   * Every string constant named like a secret (TOKEN, SECRET, VERIFY) in the tests: the
   * denylist must keep up with them.
   */
  private static Set<String> testSecrets() throws IOException {
    Pattern constant = Pattern.compile(
        "\\b(?![A-Z_]*_HEADER\\b)[A-Z_]*(TOKEN|SECRET|VERIFY)[A-Z_]*\\s*=\\s*\"([^\"]+)\"");
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = constant.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (m.find()) {
          found.add(m.group(2));
        }
      }
    }
    return found;
  }

  private static String strong() {
    return HexFormat.of().formatHex(random(24));
  }

  private static byte[] random(int n) {
    byte[] bytes = new byte[n];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
