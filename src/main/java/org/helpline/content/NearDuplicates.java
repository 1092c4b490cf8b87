package org.helpline.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.helpline.nlu.TextNormaliser;

/**
 * Finds training examples that nearly duplicate a line of an evaluation set (the development
 * or the blind test set). A training example that is a lightly reworded copy of a test line
 * makes that line's figure a memory test, not a measure of understanding.
 *
 * <p>Both texts are normalised as the classifier normalises them ({@link TextNormaliser}, with
 * the content's spelling fixes). They nearly duplicate each other when the Jaccard index of
 * their word sets is at least {@value #MIN_JACCARD}, or when both normalised texts have at
 * least {@value #MIN_EDIT_LENGTH} characters and are at most {@value #MAX_EDITS} character
 * edits (Levenshtein: insertions, deletions, substitutions) apart.
 *
 * <p>Only training examples are ever to be changed to clear a match: evaluation lines are
 * frozen. Reports name the evaluation line by file and line only, never by its text, so that
 * a blind test line is not copied into logs, commits or docs.
 */
public final class NearDuplicates {

  /** Word-set Jaccard index at or above which two texts are near duplicates. */
  public static final double MIN_JACCARD = 0.8;
  /** Character edits at or below which two long enough texts are near duplicates. */
  public static final int MAX_EDITS = 3;
  /** Shortest normalised text the edit-distance rule applies to. */
  public static final int MIN_EDIT_LENGTH = 12;

  /**
   * One line of an evaluation set.
   *
   * @param file where it is, relative to the project (for reports)
   * @param line its line number in that file, from 1
   */
  public record EvaluationLine(String file, int line, String text) {

    @Override
    public String toString() {
      return file + ":" + line;
    }
  }

  /**
   * A training example and the evaluation line it nearly duplicates.
   *
   * @param why which rule matched, with its figure ("word Jaccard 0.83", "2 character edits")
   */
  public record Match(Example example, EvaluationLine line, String why) {

    @Override
    public String toString() {
      return example.file() + ":" + example.line() + ": training example '" + example.text()
          + "' nearly duplicates " + line + " (" + why + ")";
    }
  }

  private record Normalised(EvaluationLine line, String text, Set<String> words) {
  }

  private final TextNormaliser normaliser;
  private final List<Normalised> lines;

  /** Compares against these evaluation lines, normalised with this normaliser. */
  public NearDuplicates(TextNormaliser normaliser, Collection<EvaluationLine> evaluation) {
    this.normaliser = normaliser;
    List<Normalised> out = new ArrayList<>(evaluation.size());
    for (EvaluationLine line : evaluation) {
      List<String> tokens = normaliser.tokens(line.text());
      out.add(new Normalised(line, String.join(" ", tokens), Set.copyOf(tokens)));
    }
    this.lines = List.copyOf(out);
  }

  /** Every training example that nearly duplicates an evaluation line (the first it matches). */
  public List<Match> in(Collection<Example> examples) {
    List<Match> out = new ArrayList<>();
    for (Example example : examples) {
      first(example).ifPresent(out::add);
    }
    return out;
  }

  /** The first evaluation line this example nearly duplicates, if any. */
  public Optional<Match> first(Example example) {
    List<String> tokens = normaliser.tokens(example.text());
    String text = String.join(" ", tokens);
    Set<String> words = new HashSet<>(tokens);
    for (Normalised line : lines) {
      Optional<String> why = why(text, words, line.text(), line.words());
      if (why.isPresent()) {
        return Optional.of(new Match(example, line.line(), why.get()));
      }
    }
    return Optional.empty();
  }

  /** Why two normalised texts nearly duplicate each other, or empty when they do not. */
  static Optional<String> why(String a, Set<String> aWords, String b, Set<String> bWords) {
    if (a.isEmpty() || b.isEmpty()) {
      return Optional.empty();
    }
    // The index is at most (smaller set) / (larger set): skip pairs that cannot reach it.
    int small = Math.min(aWords.size(), bWords.size());
    int large = Math.max(aWords.size(), bWords.size());
    if (small >= MIN_JACCARD * large) {
      double jaccard = jaccard(aWords, bWords);
      if (jaccard >= MIN_JACCARD) {
        return Optional.of(String.format(Locale.ROOT, "word Jaccard %.2f", jaccard));
      }
    }
    if (a.length() >= MIN_EDIT_LENGTH && b.length() >= MIN_EDIT_LENGTH) {
      int edits = editDistance(a, b, MAX_EDITS);
      if (edits <= MAX_EDITS) {
        return Optional.of(edits + " character edit" + (edits == 1 ? "" : "s"));
      }
    }
    return Optional.empty();
  }

  /** |A ∩ B| / |A ∪ B|; 0 when both are empty. */
  static double jaccard(Set<String> a, Set<String> b) {
    Set<String> smaller = a.size() <= b.size() ? a : b;
    Set<String> larger = smaller == a ? b : a;
    int common = 0;
    for (String w : smaller) {
      if (larger.contains(w)) {
        common++;
      }
    }
    int union = a.size() + b.size() - common;
    return union == 0 ? 0 : (double) common / union;
  }

  /**
   * The Levenshtein distance of two strings when it is at most {@code max}, else
   * {@code max + 1}. Only the diagonal band of width {@code 2 max + 1} is computed.
   */
  static int editDistance(String a, String b, int max) {
    int la = a.length();
    int lb = b.length();
    if (Math.abs(la - lb) > max) {
      return max + 1;
    }
    int big = max + 1;
    int[] previous = new int[lb + 1];
    int[] current = new int[lb + 1];
    for (int j = 0; j <= lb; j++) {
      previous[j] = j <= max ? j : big;
    }
    for (int i = 1; i <= la; i++) {
      int from = Math.max(1, i - max);
      int to = Math.min(lb, i + max);
      current[0] = i <= max ? i : big;
      if (from > 1) {
        current[from - 1] = big;
      }
      int best = current[0];
      for (int j = from; j <= to; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int d = Math.min(previous[j - 1] + cost, Math.min(previous[j] + 1, current[j - 1] + 1));
        current[j] = Math.min(d, big);
        best = Math.min(best, current[j]);
      }
      if (to < lb) {
        current[to + 1] = big;
      }
      if (best > max) {
        return big;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return Math.min(previous[lb], big);
  }

  /**
   * The lines of every {@code *.txt} file in a folder in the intents format (one message per
   * line, {@code #} comments and blank lines skipped), each with its file and line number;
   * {@code project} is the directory the reported file names are relative to.
   */
  public static List<EvaluationLine> readFolder(Path project, Path folder) {
    Path dir = project.resolve(folder);
    List<EvaluationLine> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".txt") || name.startsWith("_")) {
          continue;
        }
        String shown = project.relativize(file).toString().replace('\\', '/');
        List<String> text = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < text.size(); i++) {
          String line = text.get(i).strip();
          if (!line.isEmpty() && !line.startsWith("#")) {
            out.add(new EvaluationLine(shown, i + 1, line));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
