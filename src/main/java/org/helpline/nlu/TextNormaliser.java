package org.helpline.nlu;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns what people type into the canonical form that both the safety screen and the
 * classifier see: Unicode-normalised, lower case, no invisible format characters, no
 * apostrophes or punctuation, letters
 * repeated three or more times squeezed to two, and known misspellings replaced.
 *
 * <p>Spelling fixes are whole-word (or whole-phrase) replacements read from content
 * ({@code intents/_spelling.txt}), applied longest phrase first.
 */
public final class TextNormaliser {

  private static final Pattern APOSTROPHES = Pattern.compile("['\u2018\u2019\u02bc\u0060\u00b4]");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern REPEATS = Pattern.compile("(\\p{L})\\1{2,}");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  /**
   * Invisible format characters (zero-width space and joiners, word joiner, soft hyphen, byte
   * order mark, bidi controls): removed, not turned into a space, so that one pasted or
   * slipped inside a word cannot split it and hide it from the safety screen.
   */
  private static final Pattern INVISIBLE = Pattern.compile("\\p{Cf}+");

  private final List<Fix> fixes;

  /** A normaliser with the given spelling fixes (keys and values are normalised here). */
  public TextNormaliser(Map<String, String> spelling) {
    List<Fix> list = new ArrayList<>();
    spelling.forEach((wrong, right) -> list.add(
        new Fix(basicTokens(wrong), basicTokens(right))));
    list.sort(Comparator.comparingInt((Fix f) -> f.wrong().length).reversed());
    this.fixes = List.copyOf(list);
  }

  /** A normaliser without spelling fixes. */
  public static TextNormaliser plain() {
    return new TextNormaliser(Map.of());
  }

  /** The canonical form of a message: words separated by single spaces. */
  public String normalise(String text) {
    return String.join(" ", tokens(text));
  }

  /** The canonical words of a message. */
  public List<String> tokens(String text) {
    String[] words = basicTokens(text);
    if (fixes.isEmpty() || words.length == 0) {
      return List.of(words);
    }
    List<String> out = new ArrayList<>(words.length + 4);
    int i = 0;
    while (i < words.length) {
      Fix applied = null;
      for (Fix fix : fixes) {
        if (fix.matchesAt(words, i)) {
          applied = fix;
          break;
        }
      }
      if (applied == null) {
        out.add(words[i]);
        i++;
      } else {
        out.addAll(Arrays.asList(applied.right()));
        i += applied.wrong().length;
      }
    }
    return List.copyOf(out);
  }

  private static String[] basicTokens(String text) {
    if (text == null) {
      return new String[0];
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFKD);
    s = MARKS.matcher(s).replaceAll("");
    s = INVISIBLE.matcher(s).replaceAll("");
    s = s.toLowerCase(Locale.ROOT);
    s = APOSTROPHES.matcher(s).replaceAll("");
    s = NOT_WORD.matcher(s).replaceAll(" ");
    s = REPEATS.matcher(s).replaceAll("$1$1");
    s = s.strip();
    return s.isEmpty() ? new String[0] : s.split(" ");
  }

  private record Fix(String[] wrong, String[] right) {

    boolean matchesAt(String[] words, int start) {
      if (wrong.length == 0 || start + wrong.length > words.length) {
        return false;
      }
      for (int k = 0; k < wrong.length; k++) {
        if (!wrong[k].equals(words[start + k])) {
          return false;
        }
      }
      return true;
    }
  }
}
