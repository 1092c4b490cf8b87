package org.helpline.nlu.opennlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import org.helpline.nlu.EditDistance;

/**
 * Replaces a word the model never saw by the word it knows one keystroke away: a letter
 * missing, added, replaced or swapped with its neighbour ("imunotherapy", "checkpoitn").
 *
 * <p>The vocabulary is the model's own bag-of-words features, so a packaged model needs
 * nothing more, and a word is only ever corrected into one the model can use. Candidates are
 * found through single-letter deletions (the symmetric-delete method): every known word is
 * indexed under each of its one-letter deletions, and an unknown word's deletions are looked
 * up. Among several candidates the one carrying the most weight in the model wins (ties: the
 * alphabetically first), so the choice is deterministic. Words shorter than
 * {@value #MIN_LENGTH} letters and words with digits are left alone, and never become a
 * correction: short words have too many neighbours to guess from. Immutable; safe for concurrent use.
 */
final class TypoCorrector {

  static final int MIN_LENGTH = 4;
  private static final String BOW = "bow=";

  /** The known words and their weight in the model (sum of absolute parameters). */
  private final String[] words;
  private final double[] weights;
  /** Known word to its index in {@link #words}. */
  private final Table known;
  /** One-letter deletion of a known word to its range in {@link #from}. */
  private final Table deletions;
  /** Deletion {@code d}'s known words are {@code from[start[d] .. start[d + 1])}. */
  private final int[] start;
  private final int[] from;

  private TypoCorrector(Map<String, Double> weight) {
    words = weight.keySet().stream().sorted().toArray(String[]::new);
    weights = new double[words.length];
    Map<String, Integer> wordIndex = new HashMap<>();
    Map<String, List<Integer>> byDeletion = new LinkedHashMap<>();
    for (int w = 0; w < words.length; w++) {
      weights[w] = weight.get(words[w]);
      wordIndex.put(words[w], w);
      if (words[w].length() < MIN_LENGTH) {
        continue;
      }
      for (int i = 0; i < words[w].length(); i++) {
        List<Integer> sources = byDeletion.computeIfAbsent(deleteAt(words[w], i),
            d -> new ArrayList<>(1));
        if (!sources.contains(w)) {
          sources.add(w);
        }
      }
    }
    known = new Table(wordIndex);
    Map<String, Integer> deletionIndex = new HashMap<>();
    start = new int[byDeletion.size() + 1];
    from = new int[byDeletion.values().stream().mapToInt(List::size).sum()];
    int d = 0;
    int at = 0;
    for (Map.Entry<String, List<Integer>> e : byDeletion.entrySet()) {
      deletionIndex.put(e.getKey(), d);
      start[d++] = at;
      for (int w : e.getValue()) {
        from[at++] = w;
      }
    }
    start[d] = at;
    deletions = new Table(deletionIndex);
  }

  /** The corrector for a trained model's vocabulary. */
  @SuppressWarnings("unchecked") // getDataStructures() documents [Context[], Map, String[]]
  static TypoCorrector of(MaxentModel model) {
    Map<String, Double> weight = new HashMap<>();
    if (model instanceof AbstractModel m) {
      Map<String, Context> pmap = (Map<String, Context>) m.getDataStructures()[1];
      pmap.forEach((feature, context) -> {
        if (feature.startsWith(BOW)) {
          double sum = 0;
          for (double p : context.getParameters()) {
            sum += Math.abs(p);
          }
          weight.put(feature.substring(BOW.length()), sum);
        }
      });
    }
    return new TypoCorrector(weight);
  }

  /** The words, each unknown one replaced by its correction when there is one. */
  String[] correct(String[] words) {
    String[] out = null;
    for (int i = 0; i < words.length; i++) {
      String corrected = correct(words[i]);
      if (corrected != words[i]) {
        if (out == null) {
          out = words.clone();
        }
        out[i] = corrected;
      }
    }
    return out == null ? words : out;
  }

  /**
   * The known word one edit away from {@code word}, or {@code word} itself. Looks deletions up
   * as slices of the word's characters, so a word without a correction costs no strings.
   */
  String correct(String word) {
    int n = word.length();
    if (n < MIN_LENGTH || known.get(word) >= 0 || hasDigit(word)) {
      return word;
    }
    char[] chars = word.toCharArray();
    int best = -1;
    // A letter missing from the word: it is a deletion of known words.
    best = better(best, deletions.get(chars, n, -1), word);
    for (int i = 0; i < n; i++) {
      // A letter added to the word: a deletion of it is known.
      if (n - 1 >= MIN_LENGTH) {
        best = better(best, known.get(chars, n, i));
      }
      // A letter replaced, or two swapped: a deletion of it is a deletion of a known word.
      best = better(best, deletions.get(chars, n, i), word);
    }
    return best < 0 ? word : words[best];
  }

  private int better(int best, int deletion, String word) {
    if (deletion >= 0) {
      for (int k = start[deletion]; k < start[deletion + 1]; k++) {
        if (oneEditApart(word, words[from[k]])) {
          best = better(best, from[k]);
        }
      }
    }
    return best;
  }

  /** The candidate with more weight; on a tie the alphabetically first (the lower index). */
  private int better(int best, int candidate) {
    if (candidate < 0 || best < 0) {
      return Math.max(best, candidate);
    }
    int c = Double.compare(weights[candidate], weights[best]);
    return c > 0 || c == 0 && candidate < best ? candidate : best;
  }

  /** One insertion, deletion, substitution or swap of neighbours turns {@code a} into {@code b}. */
  static boolean oneEditApart(String a, String b) {
    return !a.equals(b) && EditDistance.withinOne(a, b);
  }

  private static String deleteAt(String word, int i) {
    return word.substring(0, i) + word.substring(i + 1);
  }

  private static boolean hasDigit(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.isDigit(word.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Open addressing from strings to ints, looked up by a string or by a slice of characters
   * with one position left out, without building the string.
   */
  private static final class Table {

    private final String[] keys;
    private final int[] values;
    private final int mask;

    Table(Map<String, Integer> entries) {
      int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 - 1)) << 1;
      keys = new String[capacity];
      values = new int[capacity];
      mask = capacity - 1;
      entries.forEach((key, value) -> {
        int slot = spread(key.hashCode()) & mask;
        while (keys[slot] != null) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = value;
      });
    }

    int get(String key) {
      for (int slot = spread(key.hashCode()) & mask; keys[slot] != null;
          slot = (slot + 1) & mask) {
        if (keys[slot].equals(key)) {
          return values[slot];
        }
      }
      return -1;
    }

    /** The value of {@code chars[0 .. length)} without {@code chars[skip]} (none if -1). */
    int get(char[] chars, int length, int skip) {
      int h = 0;
      for (int i = 0; i < length; i++) {
        if (i != skip) {
          h = 31 * h + chars[i];
        }
      }
      int keyLength = skip < 0 ? length : length - 1;
      for (int slot = spread(h) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
        String key = keys[slot];
        if (key.length() == keyLength && sameChars(key, chars, length, skip)) {
          return values[slot];
        }
      }
      return -1;
    }

    private static boolean sameChars(String key, char[] chars, int length, int skip) {
      for (int i = 0, k = 0; i < length; i++) {
        if (i != skip && key.charAt(k++) != chars[i]) {
          return false;
        }
      }
      return true;
    }

    private static int spread(int h) {
      return h ^ (h >>> 16);
    }
  }
}
