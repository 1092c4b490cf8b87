package org.helpline.nlu.opennlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.helpline.content.Content;
import org.helpline.nlu.Classification;
import org.helpline.nlu.IntentScore;
import org.helpline.nlu.TextNormaliser;
import org.helpline.nlu.TrainingExample;
import org.helpline.support.RealBot;
import org.junit.jupiter.api.Test;

/**
 * The compiled evaluator gives bit for bit OpenNLP's probabilities, and the classifier's
 * ranking is the one a plain sort of OpenNLP's scores gives: on the development set, on random
 * text, for a freshly trained model and for the one PackagedModel loads.
 */
class CompiledMaxentModelTest {

  private static final Content CONTENT = RealBot.get().content();
  private static final TextNormaliser NORMALISER = new TextNormaliser(CONTENT.spelling());

  @Test
  void aFreshModelGivesOpenNlpsExactProbabilities() throws IOException {
    assertIdentical(train(OpenNlpSettings.defaults()), messages());
  }

  @Test
  void theModelLoadedFromThePackageGivesOpenNlpsExactProbabilities() throws IOException {
    OpenNlpSettings settings = OpenNlpSettings.defaults();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PackagedModel.write(train(settings), "test", out);
    OpenNlpIntentClassifier loaded = PackagedModel.read(
        new ByteArrayInputStream(out.toByteArray()), "test", settings, NORMALISER).orElseThrow();
    assertIdentical(loaded, messages());
  }

  @Test
  void wordBigramsGoThroughTheGenericFeaturePath() throws IOException {
    assertIdentical(train(OpenNlpSettings.of(s -> {
      s.iterations = 30;
      s.wordBigrams = true;
    })), messages());
  }

  private static void assertIdentical(OpenNlpIntentClassifier classifier, List<String> messages) {
    int compared = 0;
    for (String message : messages) {
      String[] words = NORMALISER.tokens(message).toArray(String[]::new);
      if (words.length == 0) {
        continue;
      }
      double[] expected = classifier.openNlpEval(words);
      double[] actual = classifier.compiledEval(words);
      assertArrayEquals(bits(expected), bits(actual), message);
      compared++;
      Classification c = classifier.classify(message);
      if (!c.ranking().isEmpty()) {
        assertEquals(plainRanking(classifier, classifier.openNlpEval(classifier.wordsSeen(
            NORMALISER.tokens(message)))), c.ranking(), message);
      }
    }
    assertTrue(compared > 900, "compared " + compared);
  }

  /** The ranking as the classifier computed it before: boxed scores sorted by a comparator. */
  private static List<IntentScore> plainRanking(OpenNlpIntentClassifier classifier,
      double[] probabilities) {
    List<IntentScore> ranking = new ArrayList<>();
    for (int i = 0; i < probabilities.length; i++) {
      ranking.add(new IntentScore(classifier.model().getOutcome(i), probabilities[i]));
    }
    ranking.sort(Comparator.comparingDouble(IntentScore::confidence).reversed()
        .thenComparing(IntentScore::intent));
    return ranking;
  }

  private static long[] bits(double[] values) {
    long[] out = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Double.doubleToRawLongBits(values[i]);
    }
    return out;
  }

  private static OpenNlpIntentClassifier train(OpenNlpSettings settings) {
    return new IntentModelTrainer(settings).train(examples(), NORMALISER);
  }

  private static List<TrainingExample> examples() {
    return CONTENT.examples().stream()
        .map(e -> new TrainingExample(e.intent(), e.text())).toList();
  }

  /** The development messages, then random text made of their words and of random letters. */
  private static List<String> messages() throws IOException {
    List<String> messages = new ArrayList<>();
    try (Stream<Path> files = Files.list(
        RealBot.PROJECT.resolve("src/test/resources/development"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        Files.readAllLines(file).stream().map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(messages::add);
      }
    }
    List<String> words = messages.stream().flatMap(m -> Stream.of(m.split("\\s+"))).toList();
    Random random = new Random(20261129L);
    int written = messages.size();
    for (int i = 0; i < written; i++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(12);
      for (int w = 0; w < length; w++) {
        if (random.nextInt(4) == 0) {
          for (int c = 1 + random.nextInt(9); c > 0; c--) {
            text.append((char) ('a' + random.nextInt(26)));
          }
        } else {
          text.append(words.get(random.nextInt(words.size())));
        }
        text.append(' ');
      }
      messages.add(text.toString());
    }
    return messages;
  }
}
