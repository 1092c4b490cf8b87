package org.helpline.safety;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.helpline.nlu.TextNormaliser;
import org.helpline.support.RealBot;
import org.junit.jupiter.api.Test;

/**
 * The safety screen's word index must find exactly the rule words that the matching rule
 * ({@link SafetyScreen#wordMatches}) accepts, or an emergency could be missed. Checked for every
 * word of the real rules against every token of the development and safety sets, each rule word
 * itself and one-edit variants of it (typos people make).
 */
class RuleWordsTest {

  @Test
  void theIndexAgreesWithTheMatchingRuleOnEveryWordAndToken() throws IOException {
    RuleWords words = RealBot.get().screen().words();
    assertTrue(words.size() > 100, "the real rules have a few hundred words");
    Set<String> tokens = new LinkedHashSet<>(messageTokens());
    for (int id = 0; id < words.size(); id++) {
      String word = words.word(id).replace("*", "");
      tokens.add(word);
      tokens.addAll(oneEditVariants(word));
    }
    int checked = 0;
    for (String token : tokens) {
      BitSet found = words.matches(token);
      for (int id = 0; id < words.size(); id++) {
        if (SafetyScreen.wordMatches(token, words.word(id)) != found.get(id)) {
          fail("token '" + token + "' against rule word '" + words.word(id) + "': the index"
              + (found.get(id) ? " matches" : " misses") + ", the rule does not agree");
        }
        checked++;
      }
    }
    assertTrue(checked > 1_000_000, "checked " + checked + " pairs");
  }

  private static Set<String> messageTokens() throws IOException {
    TextNormaliser normaliser = TextNormaliser.plain();
    Set<String> tokens = new LinkedHashSet<>();
    for (String dir : new String[] {"src/test/resources/development",
        "src/test/resources/safety"}) {
      try (Stream<Path> files = Files.list(Path.of(dir))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
          Files.readAllLines(file).forEach(line -> tokens.addAll(normaliser.tokens(line)));
        }
      }
    }
    return tokens;
  }

  /** Deletions, swaps and substitutions with one letter, and a doubled letter. */
  private static Set<String> oneEditVariants(String word) {
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < word.length(); i++) {
      out.add(word.substring(0, i) + word.substring(i + 1));
      out.add(word.substring(0, i) + 'x' + word.substring(i + 1));
      out.add(word.substring(0, i + 1) + word.charAt(i) + word.substring(i + 1));
      if (i + 1 < word.length()) {
        out.add(word.substring(0, i) + word.charAt(i + 1) + word.charAt(i)
            + word.substring(i + 2));
      }
    }
    return out;
  }
}
