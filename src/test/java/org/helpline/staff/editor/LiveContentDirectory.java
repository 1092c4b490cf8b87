package org.helpline.staff.editor;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Runs the app on a content directory of its own: a copy of the real intents/ and dialogs/
 * under target/, made before the app starts, that a test may edit and reload.
 */
public class LiveContentDirectory implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    Path root = Path.of("target", "live-content", UUID.randomUUID().toString())
        .toAbsolutePath();
    for (String folder : List.of("intents", "dialogs")) {
      copy(Path.of(folder).toAbsolutePath(), root.resolve(folder));
    }
    return Map.of("helpline.content.dir", root.toString());
  }

  @Override
  public void stop() {
    // Left under target/ for inspection; mvn clean removes it.
  }

  private static void copy(Path from, Path to) {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The test profile that serves the copy. */
  public static class Profile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(LiveContentDirectory.class));
    }
  }
}
