package org.helpline.nlu.opennlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

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

  /** Known word to its weight in the model (sum of absolute parameters). */
  private final Map<String, Double> weight;
  /** One-letter deletion of a known word to the known words it comes from. */
  private final Map<String, List<String>> byDeletion;

  private TypoCorrector(Map<String, Double> weight) {
    this.weight = Map.copyOf(weight);
    Map<String, List<String>> index = new HashMap<>();
    for (String word : weight.keySet()) {
      if (word.length() < MIN_LENGTH) {
        continue;
      }
      for (int i = 0; i < word.length(); i++) {
        String deleted = deleteAt(word, i);
        List<String> words = index.computeIfAbsent(deleted, d -> new ArrayList<>(1));
        if (!words.contains(word)) {
          words.add(word);
        }
      }
    }
    index.replaceAll((deleted, words) -> List.copyOf(words));
    this.byDeletion = Map.copyOf(index);
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

  /** The known word one edit away from {@code word}, or {@code word} itself. */
  String correct(String word) {
    if (word.length() < MIN_LENGTH || weight.containsKey(word) || hasDigit(word)) {
      return word;
    }
    String best = null;
    // A letter missing from the word: it is a deletion of known words.
    best = better(best, byDeletion.get(word), word);
    for (int i = 0; i < word.length(); i++) {
      String deleted = deleteAt(word, i);
      // A letter added to the word: a deletion of it is known.
      if (deleted.length() >= MIN_LENGTH && weight.containsKey(deleted)) {
        best = better(best, deleted);
      }
      // A letter replaced, or two swapped: a deletion of it is a deletion of a known word.
      best = better(best, byDeletion.get(deleted), word);
    }
    return best == null ? word : best;
  }

  private String better(String best, List<String> candidates, String word) {
    if (candidates != null) {
      for (String candidate : candidates) {
        if (oneEditApart(word, candidate)) {
          best = better(best, candidate);
        }
      }
    }
    return best;
  }

  private String better(String best, String candidate) {
    if (best == null) {
      return candidate;
    }
    int c = Double.compare(weight.get(candidate), weight.get(best));
    return c > 0 || c == 0 && candidate.compareTo(best) < 0 ? candidate : best;
  }

  /** One insertion, deletion, substitution or swap of neighbours turns {@code a} into {@code b}. */
  static boolean oneEditApart(String a, String b) {
    int la = a.length();
    int lb = b.length();
    if (Math.abs(la - lb) > 1 || a.equals(b)) {
      return false;
    }
    int i = 0;
    while (i < Math.min(la, lb) && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (la == lb) {
      // substitution at i, or neighbours swapped at i and i + 1
      return a.regionMatches(i + 1, b, i + 1, la - i - 1)
          || i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
          && a.regionMatches(i + 2, b, i + 2, la - i - 2);
    }
    return la > lb ? a.regionMatches(i + 1, b, i, lb - i) : b.regionMatches(i + 1, a, i, la - i);
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
}
