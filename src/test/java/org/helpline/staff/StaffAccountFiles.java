package org.helpline.staff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.spec.EncryptablePasswordSpec;
import org.wildfly.security.password.spec.IteratedSaltedPasswordAlgorithmSpec;
import org.wildfly.security.password.util.ModularCrypt;

/** Staff accounts files for tests, with bcrypt hashes made here (as htpasswd -B makes them). */
public final class StaffAccountFiles {

  private StaffAccountFiles() {
  }

  /** The bcrypt hash of {@code password}, cost 10, in modular crypt form. */
  public static String bcrypt(String password) {
    byte[] salt = new byte[BCryptPassword.BCRYPT_SALT_SIZE];
    new SecureRandom().nextBytes(salt);
    try {
      PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT,
          WildFlyElytronPasswordProvider.getInstance());
      return ModularCrypt.encodeAsString(factory.generatePassword(new EncryptablePasswordSpec(
          password.toCharArray(), new IteratedSaltedPasswordAlgorithmSpec(10, salt))));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes {@code lines} to a new file under target/ and returns its path. */
  public static Path write(String name, String... lines) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "staff-files"));
      Path file = dir.resolve(name);
      Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
