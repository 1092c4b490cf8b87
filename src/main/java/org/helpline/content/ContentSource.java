package org.helpline.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where content files come from: a directory an editor works in, or the copy packaged into
 * the application at build time. Paths are relative and use '/', such as
 * {@code intents/greeting.txt}.
 */
public interface ContentSource {

  /** Every content file, sorted. */
  List<String> files();

  /** The bytes of one file. */
  byte[] read(String path);

  /** A human-readable origin for reports. */
  String describe();

  /** Content read from a directory holding {@code intents/} and {@code dialogs/}. */
  static ContentSource directory(Path root) {
    return new ContentSource() {
      @Override
      public List<String> files() {
        List<String> out = new ArrayList<>();
        for (String folder : List.of("intents", "dialogs")) {
          Path dir = root.resolve(folder);
          if (!Files.isDirectory(dir)) {
            continue;
          }
          try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile)
                .map(p -> root.relativize(p).toString().replace('\\', '/'))
                .filter(ContentSource::isContentFile)
                .forEach(out::add);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        out.sort(null);
        return out;
      }

      @Override
      public byte[] read(String path) {
        try {
          return Files.readAllBytes(root.resolve(path));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public String describe() {
        return root.toAbsolutePath().normalize().toString();
      }
    };
  }

  /**
   * The content packaged at build time under {@code content/}, listed in
   * {@code content/index.txt} (written by the build, because a jar cannot be listed portably).
   */
  static ContentSource classpath(ClassLoader loader) {
    return new ContentSource() {
      @Override
      public List<String> files() {
        String index = new String(read("index.txt"), StandardCharsets.UTF_8);
        return index.lines().map(String::strip).filter(ContentSource::isContentFile)
            .sorted().toList();
      }

      @Override
      public byte[] read(String path) {
        try (InputStream in = loader.getResourceAsStream("content/" + path)) {
          if (in == null) {
            throw new UncheckedIOException(new IOException("missing packaged content: " + path));
          }
          return in.readAllBytes();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public String describe() {
        return "packaged content";
      }
    };
  }

  private static boolean isContentFile(String path) {
    return (path.startsWith("intents/") && path.endsWith(".txt"))
        || (path.startsWith("dialogs/") && path.endsWith(".yml"));
  }
}
