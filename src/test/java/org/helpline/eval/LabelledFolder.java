package org.helpline.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Labelled messages read from a folder in the intents format (development and safety sets). */
public final class LabelledFolder {

  private LabelledFolder() {
  }

  /** Reads every {@code <intent>.txt} in a folder (intents format) as labelled messages. */
  public static List<LabelledText> read(Path folder) {
    List<LabelledText> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".txt") || name.startsWith("_")) {
          continue;
        }
        String intent = name.substring(0, name.length() - 4);
        out.addAll(Evaluator.labelled(intent, Files.readAllLines(file, StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
