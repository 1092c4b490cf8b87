package org.helpline.nlu.opennlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.helpline.nlu.Classification;
import org.helpline.nlu.IntentScore;
import org.helpline.nlu.TextNormaliser;
import org.helpline.nlu.TrainingExample;
import org.junit.jupiter.api.Test;

/** A tiny inline corpus, in the style of OpenNLP's own tests. */
class OpenNlpIntentClassifierTest {

  private static final List<TrainingExample> CORPUS = List.of(
      new TrainingExample("greeting", "hello"),
      new TrainingExample("greeting", "hi there"),
      new TrainingExample("greeting", "good morning"),
      new TrainingExample("greeting", "hiya"),
      new TrainingExample("side_effects", "what are the side effects"),
      new TrainingExample("side_effects", "does immunotherapy cause a rash"),
      new TrainingExample("side_effects", "will i feel tired on immunotherapy"),
      new TrainingExample("side_effects", "side effects of immunotherapy"),
      new TrainingExample("car_t", "what is car t cell therapy"),
      new TrainingExample("car_t", "how does car t work"),
      new TrainingExample("car_t", "car t for lymphoma"),
      new TrainingExample("car_t", "tell me about car t"));

  private final TextNormaliser normaliser = new TextNormaliser(Map.of("imunotherapy",
      "immunotherapy"));
  private final OpenNlpSettings settings = OpenNlpSettings.of(s -> {
    s.cutoff = 0;
    s.wordBigrams = true;
  });

  @Test
  void ranksEveryIntentWithProbabilitiesThatSumToOne() {
    Classification c = new IntentModelTrainer(settings).train(CORPUS, normaliser)
        .classify("what side effects does it have");
    assertEquals("side_effects", c.top().intent());
    assertEquals(3, c.ranking().size());
    assertEquals(1.0, c.ranking().stream().mapToDouble(IntentScore::confidence).sum(), 1e-6);
    assertTrue(c.top().confidence() >= c.second().confidence());
  }

  @Test
  void toleratesTyposThroughNormalisationAndCharacterFeatures() {
    OpenNlpIntentClassifier classifier = new IntentModelTrainer(settings).train(CORPUS,
        normaliser);
    assertEquals("side_effects", classifier.classify("SIDE EFECTS of imunotherapy??").top()
        .intent());
    assertEquals("car_t", classifier.classify("what is car t therapyy").top().intent());
  }

  @Test
  void trainingIsDeterministic() {
    Classification a = new IntentModelTrainer(settings).train(CORPUS, normaliser)
        .classify("hello, what about car t");
    Classification b = new IntentModelTrainer(settings).train(CORPUS, normaliser)
        .classify("hello, what about car t");
    assertEquals(a, b);
  }

  @Test
  void aMessageWithNoWordsHasNoRanking() {
    Classification c = new IntentModelTrainer(settings).train(CORPUS, normaliser)
        .classify("?!? 🙂");
    assertTrue(c.ranking().isEmpty());
    assertEquals(0.0, c.top().confidence());
  }

  @Test
  void concurrentCallsGiveTheSameAnswersAsSequentialOnes() throws Exception {
    OpenNlpIntentClassifier classifier = new IntentModelTrainer(settings).train(CORPUS,
        normaliser);
    List<String> texts = List.of("hi", "side effects", "car t", "rash on immunotherapy");
    List<Classification> expected = texts.stream().map(classifier::classify).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Classification>> futures = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        String text = texts.get(i % texts.size());
        futures.add(pool.submit(() -> classifier.classify(text)));
      }
      for (int i = 0; i < futures.size(); i++) {
        assertEquals(expected.get(i % texts.size()), futures.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
