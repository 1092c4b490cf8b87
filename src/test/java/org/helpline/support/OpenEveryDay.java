package org.helpline.support;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What the packaged application needs for a live chat test or benchmark at any hour: a copy of
 * the content with the nurse line open every day, all day, with no bank holidays, and a staff
 * file with one nurse whose password exists only for this run.
 */
public final class OpenEveryDay {

  private OpenEveryDay() {
  }

  /** Copies {@code intents/} and {@code dialogs/} to {@code dir/content} with the line open. */
  public static Path content(Path dir) throws IOException {
    Path content = dir.resolve("content");
    for (String tree : List.of("intents", "dialogs")) {
      try (Stream<Path> files = Files.walk(Path.of(tree))) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          Path to = content.resolve(f.toString());
          Files.createDirectories(to.getParent());
          Files.copy(f, to);
        }
      }
    }
    Path facts = content.resolve("dialogs/_system/helpline.yml");
    Files.writeString(facts, Files.readString(facts)
        .replaceAll("(?s)hours:\\n.*?\\nhoursText:", "hours:\n  - days: [MONDAY, TUESDAY,"
            + " WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY]\n    opens: \"00:00\"\n"
            + "    closes: \"23:59\"\nhoursText:")
        .replaceAll("(?s)bankHolidays:\\n(  - [0-9-]+\\n)+", "bankHolidays: []\n"));
    return content;
  }

  /** Writes {@code file} with one nurse, {@code nurse}, and answers the new password. */
  public static String nurse(Path file) throws IOException {
    String password = UUID.randomUUID().toString();
    Files.writeString(file, "nurse:" + BcryptUtil.bcryptHash(password) + ":nurse\n");
    return password;
  }
}
