package org.helpline.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.helpline.content.Content;
import org.helpline.content.Example;
import org.helpline.nlu.Classification;
import org.helpline.nlu.IntentClassifier;
import org.helpline.nlu.TextNormaliser;
import org.helpline.nlu.TrainingExample;
import org.helpline.nlu.opennlp.IntentModelTrainer;
import org.helpline.nlu.opennlp.OpenNlpSettings;

/**
 * k-fold cross-validation on the content's own examples ({@code intents/}): the only data
 * thresholds and model settings are chosen on. The development and blind test sets are never
 * read here.
 */
public final class CrossValidation {

  /** Fixed so that every run of cross-validation and calibration gives the same figures. */
  static final long SEED = 20261128L;

  private CrossValidation() {
  }

  /**
   * One fold: a classifier trained on the other folds, and the examples it never saw. Its
   * classifier remembers what it made of each text, so that the same out-of-fold example can be
   * run through the dialog engine at many thresholds without classifying it again.
   */
  public record Fold(IntentClassifier classifier, List<Example> test) {
  }

  /**
   * The folds of k-fold cross-validation, stratified by intent and shuffled with a fixed seed:
   * each intent's examples are dealt round the folds in a shuffled order.
   */
  public static List<Fold> folds(Content content, OpenNlpSettings settings, int k) {
    TextNormaliser normaliser = new TextNormaliser(content.spelling());
    List<List<Example>> buckets = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      buckets.add(new ArrayList<>());
    }
    Random random = new Random(SEED);
    for (List<Example> examples : content.intents().values()) {
      List<Example> shuffled = new ArrayList<>(examples);
      Collections.shuffle(shuffled, random);
      for (int i = 0; i < shuffled.size(); i++) {
        buckets.get(i % k).add(shuffled.get(i));
      }
    }
    List<Fold> out = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      List<TrainingExample> train = new ArrayList<>();
      for (int g = 0; g < k; g++) {
        if (g != f) {
          buckets.get(g).forEach(e -> train.add(new TrainingExample(e.intent(), e.text())));
        }
      }
      IntentClassifier trained = new IntentModelTrainer(settings).train(train, normaliser);
      out.add(new Fold(memoised(trained), List.copyOf(buckets.get(f))));
    }
    return out;
  }

  /** Out-of-fold classifications of every example, for k-fold cross-validation. */
  public static List<Map.Entry<LabelledText, Classification>> outOfFold(Content content,
      OpenNlpSettings settings, int folds) {
    List<Map.Entry<LabelledText, Classification>> out = new ArrayList<>();
    for (Fold fold : folds(content, settings, folds)) {
      for (Example e : fold.test()) {
        out.add(Map.entry(new LabelledText(e.intent(), e.text()),
            fold.classifier().classify(e.text())));
      }
    }
    return out;
  }

  private static IntentClassifier memoised(IntentClassifier classifier) {
    Map<String, Classification> seen = new ConcurrentHashMap<>();
    return text -> seen.computeIfAbsent(text, classifier::classify);
  }
}
