package org.helpline.staff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.spec.InvalidKeySpecException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

/**
 * Staff accounts read from a file kept outside the repository. One account per line:
 * {@code name:bcrypt-hash:roles}, roles comma-separated from nurse, editor, clinician and
 * admin; blank
 * lines and lines starting with # are ignored. Hashes are bcrypt in modular crypt form
 * ({@code $2a$}, {@code $2b$} or {@code $2y$}, as {@code htpasswd -B} writes them).
 */
public final class StaffAccounts {

  private static final Provider PROVIDER = WildFlyElytronPasswordProvider.getInstance();
  private static final Set<String> ROLES =
      Set.of(StaffRole.NURSE, StaffRole.EDITOR, StaffRole.CLINICIAN, StaffRole.ADMIN);
  /** Checked when the name is unknown, so a wrong name costs as long as a wrong password. */
  private static final String DUMMY_HASH =
      "$2a$10$lUnQrPHXaVLgHlyVrrrbYeb5IVnezlOT.wfAG4aJhbEjxkNEptcUW";

  /**
   * The hashes of the demo accounts in {@code src/test/resources/staff/users.txt}, whose
   * passwords are in the README: an account with one of them must never guard real data.
   */
  static final Set<String> DEMO_HASHES = Set.of(
      "$2a$10$QvjMtNbgWOxErSY68i5JDO.6s5C8UXBIXKiD5ksHbODUs4aaEYWEW",
      "$2a$10$ipL0zxNmACUGZgOGPRT6Z.tOBvMuHY0RxwzimsLRK0WPoCPvQlKr.",
      "$2a$10$GrRQIhgHeYVtECkUuuUv8OEMYEVDuhnr1sisOjaBR51xF62idvjc6",
      "$2a$10$Nl1eGOAO0OAY6tzyWmKoG.tR6kFVCGTKPaPfRTnNqGIKYc0ey/iki",
      "$2a$10$LwpOcbvkL2CrL.KlIkTsGuJvrjrk7ZEgvevh.8o0gxxocBovtCgN.",
      "$2a$10$aO1mRedk2klaBVYezt6hcudezoPvM8d9sH7ppJAXrANTbso3KFdpC");
  /** The demo accounts' names; each one's password is {@code <name>-test-pw}. */
  static final Set<String> DEMO_NAMES = Set.of("nurse", "nurse2", "editor", "admin", "trainee",
      "clinician");

  private final Map<String, Account> accounts;

  private StaffAccounts(Map<String, Account> accounts) {
    this.accounts = Map.copyOf(accounts);
  }

  /** No accounts: no one can sign in. */
  public static StaffAccounts none() {
    return new StaffAccounts(Map.of());
  }

  /**
   * Reads the accounts file.
   *
   * @throws IllegalArgumentException naming every bad line (by number, never its content)
   */
  public static StaffAccounts read(Path file) throws IOException {
    return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
  }

  static StaffAccounts parse(List<String> lines, String name) {
    Map<String, Account> accounts = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split(":", -1);
      String where = name + ":" + (i + 1);
      if (parts.length != 3 || parts[0].isBlank()) {
        problems.add(where + ": expected name:bcrypt-hash:roles");
        continue;
      }
      Set<String> roles = new LinkedHashSet<>();
      for (String role : parts[2].split(",")) {
        roles.add(role.strip());
      }
      if (!ROLES.containsAll(roles)) {
        problems.add(where + ": roles must be nurse, editor, clinician or admin");
        continue;
      }
      if (parts[1].isBlank()) {
        problems.add(where + ": the password hash is empty; make one with htpasswd -nbBC 12");
        continue;
      }
      Optional<Password> hash = decode(parts[1]);
      if (hash.isEmpty()) {
        problems.add(where + ": the password hash is not bcrypt");
        continue;
      }
      if (accounts.put(parts[0], new Account(parts[0], modularCrypt(parts[1]), hash.get(),
          roles)) != null) {
        problems.add(where + ": the name is listed twice");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("bad staff accounts file: " + problems);
    }
    return new StaffAccounts(accounts);
  }

  public int size() {
    return accounts.size();
  }

  /**
   * The accounts (by name, sorted) a demo sign-in would open: a hash copied from the demo accounts file, or a
   * demo account's name with its demo password. (Only the demo names are tried with a
   * password, so the check costs no bcrypt round for anyone else.)
   */
  public List<String> demoAccounts() {
    List<String> demo = new ArrayList<>();
    for (Account account : accounts.values()) {
      if (DEMO_HASHES.contains(account.crypt())
          || (DEMO_NAMES.contains(account.name())
          && verify(account.hash(), (account.name() + "-test-pw").toCharArray()))) {
        demo.add(account.name());
      }
    }
    return demo.stream().sorted().toList();
  }

  /**
   * The account's roles when the password is right; empty otherwise. An admin also holds the
   * nurse, editor and clinician roles.
   */
  public Optional<Set<String>> authenticate(String name, char[] password) {
    Account account = accounts.get(name);
    if (account == null) {
      verify(decode(DUMMY_HASH).orElseThrow(), password);
      return Optional.empty();
    }
    if (!verify(account.hash(), password)) {
      return Optional.empty();
    }
    Set<String> roles = new LinkedHashSet<>(account.roles());
    if (roles.contains(StaffRole.ADMIN)) {
      roles.add(StaffRole.NURSE);
      roles.add(StaffRole.EDITOR);
      roles.add(StaffRole.CLINICIAN);
    }
    return Optional.of(Set.copyOf(roles));
  }

  private static boolean verify(Password hash, char[] password) {
    try {
      PasswordFactory factory =
          PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
      return factory.verify(factory.translate(hash), password);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** $2b$ and $2y$ are the same algorithm as $2a$ for every password we accept. */
  private static String modularCrypt(String hash) {
    return hash.startsWith("$2b$") || hash.startsWith("$2y$") ? "$2a$" + hash.substring(4) : hash;
  }

  private static Optional<Password> decode(String hash) {
    String crypt = modularCrypt(hash);
    if (!crypt.startsWith("$2a$")) {
      return Optional.empty();
    }
    try {
      return Optional.of(ModularCrypt.decode(crypt));
    } catch (InvalidKeySpecException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private record Account(String name, String crypt, Password hash, Set<String> roles) {
  }
}
