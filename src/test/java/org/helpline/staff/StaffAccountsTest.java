package org.helpline.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaffAccountsTest {

  // bcrypt of "nurse-test-pw", cost 10.
  private static final String HASH = "$2a$10$QvjMtNbgWOxErSY68i5JDO.6s5C8UXBIXKiD5ksHbODUs4aaEYWEW";

  @Test
  void theRightPasswordGivesTheRoles() {
    StaffAccounts accounts = StaffAccounts.parse(List.of("# staff", "", "ana:" + HASH + ":nurse"),
        "users");
    assertEquals(Set.of("nurse"), accounts.authenticate("ana", "nurse-test-pw".toCharArray())
        .orElseThrow());
    assertFalse(accounts.authenticate("ana", "nurse-test-PW".toCharArray()).isPresent());
    assertFalse(accounts.authenticate("bob", "nurse-test-pw".toCharArray()).isPresent());
  }

  @Test
  void htpasswdStyleHashesAreAccepted() {
    // htpasswd -B writes $2y$; the algorithm is the same.
    StaffAccounts accounts = StaffAccounts.parse(
        List.of("ana:" + "$2y$" + HASH.substring(4) + ":nurse,editor"), "users");
    assertEquals(Set.of("nurse", "editor"),
        accounts.authenticate("ana", "nurse-test-pw".toCharArray()).orElseThrow());
  }

  @Test
  void everyBadLineIsReportedByNumberWithoutItsContent() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
        StaffAccounts.parse(List.of(
            "ana:" + HASH + ":nurse",
            "bob:plain-password:nurse",
            "cy:" + HASH + ":surgeon",
            "no-colons-here",
            "ana:" + HASH + ":editor"), "users"));
    String message = e.getMessage();
    assertTrue(message.contains("users:2"), message);
    assertTrue(message.contains("users:3"), message);
    assertTrue(message.contains("users:4"), message);
    assertTrue(message.contains("users:5"), message);
    assertFalse(message.contains("plain-password"), message);
  }

  @Test
  void anEmptyHashIsReportedAsEmpty() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
        StaffAccounts.parse(List.of("ana::nurse"), "users"));
    assertTrue(e.getMessage().contains("users:1: the password hash is empty"), e.getMessage());
  }

  @Test
  void theDemoHashesAreExactlyThoseOfTheDemoAccountsFile() throws IOException {
    Set<String> hashes = new HashSet<>();
    for (String line : Files.readAllLines(
        Path.of("src/test/resources/staff/users.txt"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        hashes.add(line.split(":")[1]);
      }
    }
    assertEquals(hashes, StaffAccounts.DEMO_HASHES);
    assertEquals(List.of("admin", "clinician", "editor", "nurse", "nurse2", "trainee"),
        StaffAccounts.read(
        Path.of("src/test/resources/staff/users.txt")).demoAccounts());
  }
}
