package org.helpline.staff.editor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.helpline.eval.Evaluator;
import org.helpline.eval.LabelledText;

/**
 * The development set as packaged read-only into the application at build time
 * (from {@code src/test/resources/development}, under {@code evaluation/development/} with an
 * {@code index.txt} of its files). It is never trained on, but it has been used to choose
 * content and settings, so its figures are optimistic; the blind test set
 * ({@code src/test/resources/blind/}) is the honest measure and is not packaged.
 */
public final class DevelopmentSet {

  /** Where the build puts the set on the class path. */
  public static final String FOLDER = "evaluation/development/";

  private DevelopmentSet() {
  }

  /** The labelled messages, or empty when this build has no development set. */
  public static Optional<List<LabelledText>> fromClasspath(ClassLoader loader) {
    Optional<String> index = read(loader, FOLDER + "index.txt");
    if (index.isEmpty()) {
      return Optional.empty();
    }
    List<LabelledText> out = new ArrayList<>();
    for (String name : index.get().lines().map(String::strip).sorted().toList()) {
      if (!name.endsWith(".txt") || name.startsWith("_") || name.equals("index.txt")) {
        continue;
      }
      String intent = name.substring(0, name.length() - 4);
      String text = read(loader, FOLDER + name).orElseThrow(() -> new UncheckedIOException(
          new IOException("the development index lists a missing file: " + name)));
      out.addAll(Evaluator.labelled(intent, text.lines().toList()));
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(out));
  }

  private static Optional<String> read(ClassLoader loader, String path) {
    try (InputStream in = loader.getResourceAsStream(path)) {
      return in == null ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
