package org.helpline.nlu;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

  /** Spelling fixes by their first wrong word, each list longest phrase first. */
  private final Map<String, List<Fix>> fixes;

  /** A normaliser with the given spelling fixes (keys and values are normalised here). */
  public TextNormaliser(Map<String, String> spelling) {
    List<Fix> list = new ArrayList<>();
    spelling.forEach((wrong, right) -> list.add(
        new Fix(basicTokens(wrong), basicTokens(right))));
    list.sort(Comparator.comparingInt((Fix f) -> f.wrong().length).reversed());
    Map<String, List<Fix>> byFirstWord = new HashMap<>();
    for (Fix fix : list) {
      if (fix.wrong().length > 0) {
        byFirstWord.computeIfAbsent(fix.wrong()[0], w -> new ArrayList<>()).add(fix);
      }
    }
    byFirstWord.replaceAll((word, same) -> List.copyOf(same));
    this.fixes = Map.copyOf(byFirstWord);
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
      for (Fix fix : fixes.getOrDefault(words[i], List.of())) {
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

  /**
   * One pass over the text, equivalent to these steps in order (the regular expressions are
   * the specification; TextNormaliserTest checks this method against them): NFKD, remove
   * {@code \\p{M}} and {@code \\p{Cf}}, lower case (root locale), remove apostrophes, turn
   * every run of characters other than {@code \\p{L}} and {@code \\p{N}} into one space,
   * squeeze a letter repeated three or more times to two, strip, split on spaces.
   */
  private static String[] basicTokens(String text) {
    if (text == null) {
      return new String[0];
    }
    String lower = withoutMarks(text).toLowerCase(Locale.ROOT);
    List<String> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder(16);
    int last = -1;
    int run = 0;
    for (int i = 0; i < lower.length(); ) {
      int cp = lower.codePointAt(i);
      i += Character.charCount(cp);
      if (isApostrophe(cp)) {
        continue;
      }
      if (Character.isLetter(cp)) {
        run = cp == last ? run + 1 : 1;
        last = cp;
        if (run <= 2) {
          word.appendCodePoint(cp);
        }
      } else if (isNumber(cp)) {
        word.appendCodePoint(cp);
        last = -1;
        run = 0;
      } else {
        flush(word, tokens);
        last = -1;
        run = 0;
      }
    }
    flush(word, tokens);
    return tokens.toArray(String[]::new);
  }

  /** NFKD without combining marks and invisible format characters (ASCII needs nothing). */
  private static String withoutMarks(String text) {
    boolean ascii = true;
    for (int i = 0; i < text.length() && ascii; i++) {
      ascii = text.charAt(i) < 0x80;
    }
    if (ascii) {
      return text;
    }
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
    StringBuilder kept = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); ) {
      int cp = decomposed.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
          && type != Character.COMBINING_SPACING_MARK && type != Character.FORMAT) {
        kept.appendCodePoint(cp);
      }
    }
    return kept.toString();
  }

  private static boolean isApostrophe(int cp) {
    return cp == '\'' || cp == '\u2018' || cp == '\u2019' || cp == '\u02bc' || cp == '`'
        || cp == '\u00b4';
  }

  private static boolean isNumber(int cp) {
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  private static void flush(StringBuilder word, List<String> tokens) {
    if (word.length() > 0) {
      tokens.add(word.toString());
      word.setLength(0);
    }
  }

  private record Fix(String[] wrong, String[] right) {

    boolean matchesAt(String[] words, int start) {
      if (start + wrong.length > words.length) {
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
