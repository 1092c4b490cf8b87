package org.helpline.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TextNormaliserTest {

  private final TextNormaliser normaliser = new TextNormaliser(Map.of(
      "imunotherapy", "immunotherapy", "car t cell", "car t", "chemo", "chemotherapy"));

  @Test
  void lowerCasesAndDropsPunctuationAndApostrophes() {
    assertEquals("im not sure whats happening", normaliser.normalise("I’m NOT sure — what's happening?!"));
  }

  @Test
  void squeezesLettersRepeatedThreeTimesOrMore() {
    assertEquals("hello soo scared", normaliser.normalise("Hellllo sooooo scared"));
  }

  @Test
  void fixesKnownMisspellingsIncludingPhrases() {
    assertEquals(List.of("is", "immunotherapy", "like", "chemotherapy"),
        normaliser.tokens("is imunotherapy like chemo"));
    assertEquals("what is car t", normaliser.normalise("what is CAR-T cell"));
  }

  @Test
  void leavesWordsThatOnlyContainAFixAlone() {
    assertEquals("chemotherapist", normaliser.normalise("chemotherapist"));
  }

  @Test
  void stripsAccentsAndHandlesEmptyInput() {
    assertEquals("cafe naive", normaliser.normalise("café naïve"));
    assertEquals("", normaliser.normalise("  \t "));
    assertEquals("", normaliser.normalise("🙂🙂"));
  }

  /**
   * The single-pass tokenizer must give exactly what the specification's chain of regular
   * expressions gives, on every real message and on random text full of the characters that
   * matter: accents, combining marks, invisible characters, apostrophes, digits, letters
   * outside the Basic Multilingual Plane, emoji and repeated letters.
   */
  @Test
  void tokensAreExactlyWhatTheRegularExpressionsSpecify() throws IOException {
    TextNormaliser plain = TextNormaliser.plain();
    List<String> texts = new ArrayList<>();
    for (String dir : List.of("src/test/resources/development", "src/test/resources/safety",
        "intents")) {
      try (Stream<Path> files = Files.list(Path.of(dir))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
          texts.addAll(Files.readAllLines(file));
        }
      }
    }
    Random random = new Random(20261128);
    int[] alphabet = {'a', 'b', 'A', 'Z', 'l', 'l', 'l', 'o', '0', '9', ' ', ' ', '-', '.',
        '\'', '\u2019', '\u02bc', '`', '\u00b4', '\u00e9', '\u00c9', '\u0130', '\u0301',
        '\u200b', '\u200d', '\u202e', '\u00ad', '\ufeff', '\u00bd', '\u2167', '\uff21',
        '\u0416', '\u05d0', '\u0627', '\u4e2d', 0x1F600, 0x1D400, 0x10400, '\n', '\t', '\u0000'};
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(24); k > 0; k--) {
        text.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
      }
      texts.add(text.toString());
    }
    for (String text : texts) {
      assertEquals(bySpecification(text), plain.tokens(text), () -> "tokens of " + text);
    }
  }

  /** The normalisation steps as regular expressions, in order: the reference. */
  private static List<String> bySpecification(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKD);
    s = s.replaceAll("\\p{M}+", "");
    s = s.replaceAll("\\p{Cf}+", "");
    s = s.toLowerCase(Locale.ROOT);
    s = s.replaceAll("['\u2018\u2019\u02bc\u0060\u00b4]", "");
    s = s.replaceAll("[^\\p{L}\\p{N}]+", " ");
    s = s.replaceAll("(\\p{L})\\1{2,}", "$1$1");
    s = s.strip();
    return s.isEmpty() ? List.of() : List.of(s.split(" "));
  }
}
