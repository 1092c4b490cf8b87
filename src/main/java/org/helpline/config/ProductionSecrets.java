package org.helpline.config;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.helpline.staff.StaffAccounts;

/**
 * Refuses to start in the {@code prod} profile with a secret that protects nothing: a
 * messaging channel configured in part (a secret missing or empty), a secret that is short, a
 * placeholder or a value from this repository's tests, or a staff accounts file with a demo
 * account. A production start with no channel and no accounts file is fine: the webhooks stay
 * off (404) and no one can sign in. Messages name the property and what to do, never the value.
 */
@ApplicationScoped
public class ProductionSecrets {

  /** Shortest secret accepted; every platform's own secrets are longer. */
  static final int MIN_LENGTH = 16;
  private static final String CHANNELS = "helpline.channels.";
  private static final String STAFF_FILE = "helpline.staff.users-file";
  private static final List<Channel> CHANNEL_SETTINGS = List.of(
      new Channel("twilio", List.of("auth-token"), List.of("webhook-url"),
          "the Auth Token from the Twilio console, and the public URL registered with Twilio"),
      new Channel("telegram", List.of("secret-token"), List.of(),
          "a random secret_token (openssl rand -hex 32) that you also pass to setWebhook"),
      new Channel("whatsapp", List.of("app-secret", "verify-token", "access-token"), List.of(),
          "the Meta app secret, a random verify token (openssl rand -hex 32) and the access"
              + " token"),
      new Channel("messenger", List.of("app-secret", "verify-token", "page-access-token"),
          List.of(), "the Meta app secret, a random verify token (openssl rand -hex 32) and the"
              + " page access token"));
  /**
   * Secrets used by this repository's tests (and shown in its docs): public, so never a real
   * secret. {@code ProductionSecretsTest} checks that every secret in the tests is here.
   */
  static final Set<String> KNOWN_TEST_VALUES = Set.of(
      "12345678901234567890123456789012",
      "t3legram-Secret_token-0123456789",
      "meta-app-secret-for-tests",
      "wa-app-secret-4f1c9e0b7d2a",
      "wa-verify-token-83kd02",
      "EAAwhatsappTestToken123",
      "fb-app-secret-9a8b7c6d5e4f",
      "fb-verify-token-5hs71q",
      "EAAmessengerTestToken456",
      "fuzz-twilio-token-0123456789abcdef",
      "fuzz-telegram-secret_0123456789",
      "rate-limit-telegram-secret-0123456789",
      "telegram-secret_0123456789abcdef",
      "123456789:AAbbCCddEEffGGhhIIjjKKllMMnnOOppQQr");
  /** Words that mark a value someone meant to replace (compared without case or punctuation). */
  private static final List<String> PLACEHOLDER_WORDS = List.of("changeme", "replaceme",
      "placeholder", "example", "dummy", "fixme", "todo", "yoursecret", "yourtoken",
      "secrethere", "tokenhere", "notasecret");
  private static final Set<String> PLACEHOLDERS = Set.of("secret", "password", "passw0rd",
      "token", "test", "testing", "default", "none", "null", "admin", "helpline", "webhook");

  void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event,
      Config config, HelplineConfig helpline) {
    if (!ConfigUtils.isProfileActive("prod")) {
      return;
    }
    List<String> problems = new ArrayList<>(
        channelProblems(name -> config.getConfigValue(name).getValue()));
    helpline.staff().usersFile().ifPresent(file -> problems.addAll(staffProblems(file)));
    if (!problems.isEmpty()) {
      throw new UnsafeConfigurationException("refusing to start in the prod profile with an"
          + " unsafe secret (see README, Running in production):\n  - "
          + String.join("\n  - ", problems));
    }
  }

  /**
   * What is wrong with the channels' secrets.
   *
   * @param raw a property's value as configured: null when unset, empty when set empty
   */
  static List<String> channelProblems(Function<String, String> raw) {
    List<String> problems = new ArrayList<>();
    for (Channel channel : CHANNEL_SETTINGS) {
      List<String> all = new ArrayList<>(channel.secrets());
      all.addAll(channel.others());
      boolean configured = all.stream().anyMatch(p -> raw.apply(CHANNELS + channel.name() + "."
          + p) != null);
      if (!configured) {
        continue;
      }
      String fix = "; set " + channel.hint() + ", or unset every " + CHANNELS + channel.name()
          + ".* property to leave the channel off";
      for (String property : all) {
        String name = CHANNELS + channel.name() + "." + property;
        String value = raw.apply(name);
        String weakness = value == null ? "is not set although the " + channel.name()
            + " channel is partly configured"
            : channel.secrets().contains(property) ? weakness(value)
            : value.isBlank() ? "is empty" : null;
        if (weakness != null) {
          problems.add(describe(name) + " " + weakness + fix);
        }
      }
    }
    String key = CHANNELS + "user-id-key";
    String value = raw.apply(key);
    if (value != null && weakness(value) != null) {
      problems.add(describe(key) + " " + weakness(value) + "; set it to a random key (openssl"
          + " rand -hex 32), the same on every instance, or unset it for a random key per"
          + " start");
    }
    return problems;
  }

  /** Why a secret is unsafe, or null when it is acceptable. */
  static String weakness(String value) {
    String normalised = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    if (value.isBlank()) {
      return "is empty";
    }
    if (KNOWN_TEST_VALUES.contains(value.strip())) {
      return "is a value from this repository's tests, which anyone can read";
    }
    if (PLACEHOLDERS.contains(normalised) || value.contains("${") || value.startsWith("<")
        || PLACEHOLDER_WORDS.stream().anyMatch(normalised::contains)) {
      return "is a placeholder, not a secret";
    }
    if (value.strip().length() < MIN_LENGTH) {
      return "is shorter than " + MIN_LENGTH + " characters";
    }
    if (value.chars().distinct().count() < 6) {
      return "repeats too few characters to be a secret";
    }
    return null;
  }

  /** What is wrong with the staff accounts file (it was read at start-up; see StaffAccounts). */
  static List<String> staffProblems(Path file) {
    StaffAccounts accounts;
    try {
      accounts = StaffAccounts.read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the staff accounts file " + file, e);
    }
    List<String> demo = accounts.demoAccounts();
    if (demo.isEmpty()) {
      return List.of();
    }
    return List.of(describe(STAFF_FILE) + " (" + file + ") has demo account(s) " + demo
        + " whose passwords are published in the README; give each person their own account"
        + " with a new password (htpasswd -nbBC 12 name 'a long passphrase') and remove the"
        + " demo ones");
  }

  /** A property with the environment variable that sets it. */
  private static String describe(String property) {
    return property + " (" + property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_")
        + ")";
  }

  /** One messaging channel's properties: its secrets, the others, and how to set them. */
  private record Channel(String name, List<String> secrets, List<String> others, String hint) {
  }
}
