package org.helpline.safety;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.helpline.nlu.EditDistance;

/**
 * Every distinct word of the safety rules' phrases, numbered, with indexes that find the words
 * a message token matches without comparing it against each of them: exact words by hash,
 * prefix words ({@code "suicid*"}) by the token's own prefixes, and typo-tolerant words by
 * first letter and length. {@link #matches} gives exactly the words for which
 * {@link SafetyScreen#wordMatches} is true. Immutable once built.
 */
final class RuleWords {

  private final Map<String, Integer> ids = new LinkedHashMap<>();
  private final Map<String, Integer> exact = new HashMap<>();
  private final Map<String, List<Integer>> prefixes = new HashMap<>();
  private final Map<Long, List<Integer>> fuzzy = new HashMap<>();
  private final List<String> words = new ArrayList<>();
  private int longestPrefix;

  /** The id of a phrase word (as compiled: normalised, {@code *} marking a prefix). */
  int idOf(String word) {
    Integer known = ids.get(word);
    if (known != null) {
      return known;
    }
    int id = words.size();
    ids.put(word, id);
    words.add(word);
    if (word.endsWith("*")) {
      String prefix = word.substring(0, word.length() - 1);
      prefixes.computeIfAbsent(prefix, p -> new ArrayList<>()).add(id);
      longestPrefix = Math.max(longestPrefix, prefix.length());
    } else {
      exact.put(word, id);
      if (word.length() >= SafetyScreen.FUZZY_MIN_LENGTH) {
        fuzzy.computeIfAbsent(bucket(word.charAt(0), word.length()), b -> new ArrayList<>())
            .add(id);
      }
    }
    return id;
  }

  /** The ids of the words that {@code token} matches. */
  BitSet matches(String token) {
    BitSet found = new BitSet(words.size());
    Integer same = exact.get(token);
    if (same != null) {
      found.set(same);
    }
    for (int end = 0; end <= Math.min(token.length(), longestPrefix); end++) {
      List<Integer> withPrefix = prefixes.get(token.substring(0, end));
      if (withPrefix != null) {
        withPrefix.forEach(found::set);
      }
    }
    if (token.length() >= SafetyScreen.FUZZY_MIN_LENGTH - 1) {
      for (int length = token.length() - 1; length <= token.length() + 1; length++) {
        for (int id : fuzzy.getOrDefault(bucket(token.charAt(0), length), List.of())) {
          if (EditDistance.withinOne(token, words.get(id))) {
            found.set(id);
          }
        }
      }
    }
    return found;
  }

  /** How many distinct words the rules have. */
  int size() {
    return words.size();
  }

  /** The word with this id, as compiled. */
  String word(int id) {
    return words.get(id);
  }

  private static long bucket(char first, int length) {
    return ((long) first << 32) | length;
  }
}
