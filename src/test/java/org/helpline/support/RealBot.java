package org.helpline.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.helpline.config.HelplineSettings;
import org.helpline.content.ContentSource;
import org.helpline.conversation.ChannelWords;
import org.helpline.conversation.HelplineBot;

/**
 * The real bot on the project's own intents/ and dialogs/, built once per test JVM: with the model
 * the build trained on them (PackagedModel; PackagedModelTest shows it equals a fresh one).
 */
public final class RealBot {

  /** The project directory: Maven runs tests from there. */
  public static final Path PROJECT = Path.of("").toAbsolutePath();

  private static HelplineBot bot;

  private RealBot() {
  }

  /** Copies the real intents/ and dialogs/ into {@code dir}, for a test to change a copy. */
  public static void copyContentTo(Path dir) throws IOException {
    for (String folder : List.of("intents", "dialogs")) {
      Path from = PROJECT.resolve(folder);
      try (Stream<Path> files = Files.walk(from)) {
        for (Path p : files.toList()) {
          Path to = dir.resolve(folder).resolve(from.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(to);
          } else {
            Files.copy(p, to);
          }
        }
      }
    }
  }

  /** The real content's words around a reply on the messaging channels. */
  public static ChannelWords channelWords() {
    return ChannelWords.of(get().content().notices(), get().content().helpline().phone());
  }

  public static synchronized HelplineBot get() {
    if (bot == null) {
      bot = HelplineSettings.botFactory().build(ContentSource.directory(PROJECT));
    }
    return bot;
  }
}
