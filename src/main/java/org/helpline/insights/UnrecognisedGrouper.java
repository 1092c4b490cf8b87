package org.helpline.insights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.helpline.nlu.TextNormaliser;

/**
 * Groups unrecognised questions by the words they share, so that an editor sees what people
 * keep asking. Pure and deterministic:
 *
 * <ol>
 *   <li>Each text becomes its set of content words: normalised as the bot does (lower case,
 *       no punctuation, the content's spelling fixes), without common English stop words
 *       and one-letter words.</li>
 *   <li>Texts are taken newest first (ties by text). Each joins the group whose first text
 *       shares the most words with it by Jaccard similarity (shared words / all words), if
 *       that is at least {@link #MIN_SIMILARITY}; otherwise it starts a new group. Texts with
 *       no content words group only with the same normalised text.</li>
 *   <li>A group reports its size, up to {@link #EXAMPLES} different texts (newest first), the
 *       intents the classifier put first for its turns (up to {@link #INTENTS}, most often
 *       first) and when it was last seen. Groups are ordered biggest first, then most
 *       recent.</li>
 * </ol>
 */
public final class UnrecognisedGrouper {

  /** Least Jaccard similarity for a text to join a group. */
  public static final double MIN_SIMILARITY = 0.5;
  /** Example texts per group. */
  public static final int EXAMPLES = 3;
  /** Closest intents per group. */
  public static final int INTENTS = 3;

  private static final Set<String> STOP_WORDS = Set.of(
      "a", "about", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by",
      "can", "could", "did", "do", "does", "doing", "dont", "for", "from", "get", "got", "had",
      "has", "have", "he", "her", "hers", "him", "his", "how", "hows", "i", "id", "if", "im",
      "in", "into", "is", "it", "its", "ive", "just", "know", "like", "me", "might", "mine",
      "more", "much", "my", "of", "on", "or", "our", "please", "really", "she", "should", "so",
      "some", "tell", "than", "that", "thats", "the", "their", "them", "then", "there", "they",
      "this", "to", "too", "us", "very", "was", "we", "were", "what", "whats", "when", "where",
      "which", "who", "why", "will", "with", "would", "you", "your", "youre");

  private final TextNormaliser normaliser;

  public UnrecognisedGrouper(TextNormaliser normaliser) {
    this.normaliser = normaliser;
  }

  /** The groups, biggest first. */
  public List<UnrecognisedReport.Group> group(List<MisunderstoodTurn> turns) {
    List<MisunderstoodTurn> ordered = new ArrayList<>(turns);
    ordered.sort(Comparator.comparing(MisunderstoodTurn::at).reversed()
        .thenComparing(MisunderstoodTurn::text));
    List<Builder> groups = new ArrayList<>();
    for (MisunderstoodTurn turn : ordered) {
      List<String> tokens = normaliser.tokens(turn.text());
      Set<String> words = contentWords(tokens);
      String normalised = String.join(" ", tokens);
      Builder best = null;
      double bestSimilarity = 0;
      for (Builder g : groups) {
        double similarity = words.isEmpty() || g.words.isEmpty()
            ? (g.normalised.equals(normalised) ? 1 : 0)
            : jaccard(words, g.words);
        if (similarity >= MIN_SIMILARITY && similarity > bestSimilarity) {
          best = g;
          bestSimilarity = similarity;
        }
      }
      if (best == null) {
        best = new Builder(words, normalised);
        groups.add(best);
      }
      best.add(turn);
    }
    return groups.stream().map(Builder::build)
        .sorted(Comparator.comparingInt(UnrecognisedReport.Group::count).reversed()
            .thenComparing(UnrecognisedReport.Group::lastSeen, Comparator.reverseOrder())
            .thenComparing(g -> g.examples().get(0)))
        .toList();
  }

  /** The words that carry meaning: stop words and one-letter words removed. */
  static Set<String> contentWords(List<String> tokens) {
    Set<String> out = new LinkedHashSet<>();
    for (String t : tokens) {
      if (t.length() > 1 && !STOP_WORDS.contains(t)) {
        out.add(t);
      }
    }
    return out;
  }

  static double jaccard(Set<String> a, Set<String> b) {
    int shared = 0;
    for (String w : a) {
      if (b.contains(w)) {
        shared++;
      }
    }
    return (double) shared / (a.size() + b.size() - shared);
  }

  private static final class Builder {
    final Set<String> words;
    final String normalised;
    final List<MisunderstoodTurn> turns = new ArrayList<>();

    Builder(Set<String> words, String normalised) {
      this.words = words;
      this.normalised = normalised;
    }

    void add(MisunderstoodTurn turn) {
      turns.add(turn);
    }

    UnrecognisedReport.Group build() {
      Set<String> examples = new LinkedHashSet<>();
      Map<String, Integer> intents = new HashMap<>();
      for (MisunderstoodTurn t : turns) {
        if (examples.size() < EXAMPLES) {
          examples.add(t.text());
        }
        if (t.intent() != null) {
          intents.merge(t.intent(), 1, Integer::sum);
        }
      }
      List<UnrecognisedReport.IntentCount> closest = intents.entrySet().stream()
          .map(e -> new UnrecognisedReport.IntentCount(e.getKey(), e.getValue()))
          .sorted(Comparator.comparingInt(UnrecognisedReport.IntentCount::count).reversed()
              .thenComparing(UnrecognisedReport.IntentCount::intent))
          .limit(INTENTS).toList();
      // Turns are added newest first, so the first is the last seen.
      return new UnrecognisedReport.Group(turns.size(), List.copyOf(examples), closest,
          turns.get(0).at());
    }
  }
}
