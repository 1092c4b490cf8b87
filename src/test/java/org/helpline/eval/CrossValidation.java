package org.helpline.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.helpline.content.Content;
import org.helpline.content.Example;
import org.helpline.nlu.Classification;
import org.helpline.nlu.IntentScore;
import org.helpline.nlu.TextNormaliser;
import org.helpline.nlu.TrainingExample;
import org.helpline.nlu.opennlp.IntentModelTrainer;
import org.helpline.nlu.opennlp.OpenNlpSettings;

/** Cross-validation on the content's own examples, and threshold calibration. */
public final class CrossValidation {

  /** Fixed so that every run of cross-validation and calibration gives the same figures. */
  static final long SEED = 20261128L;

  private CrossValidation() {
  }

  /**
   * Out-of-fold classifications for k-fold cross-validation on the content's own examples,
   * stratified by intent and shuffled with a fixed seed.
   */
  public static List<Map.Entry<LabelledText, Classification>> outOfFold(Content content,
      OpenNlpSettings settings, int folds) {
    TextNormaliser normaliser = new TextNormaliser(content.spelling());
    List<List<Example>> buckets = new ArrayList<>();
    for (int i = 0; i < folds; i++) {
      buckets.add(new ArrayList<>());
    }
    Random random = new Random(SEED);
    for (List<Example> examples : content.intents().values()) {
      List<Example> shuffled = new ArrayList<>(examples);
      Collections.shuffle(shuffled, random);
      for (int i = 0; i < shuffled.size(); i++) {
        buckets.get(i % folds).add(shuffled.get(i));
      }
    }
    List<Map.Entry<LabelledText, Classification>> out = new ArrayList<>();
    for (int f = 0; f < folds; f++) {
      List<TrainingExample> train = new ArrayList<>();
      for (int g = 0; g < folds; g++) {
        if (g != f) {
          buckets.get(g).forEach(e -> train.add(new TrainingExample(e.intent(), e.text())));
        }
      }
      var classifier = new IntentModelTrainer(settings).train(train, normaliser);
      for (Example e : buckets.get(f)) {
        out.add(Map.entry(new LabelledText(e.intent(), e.text()), classifier.classify(e.text())));
      }
    }
    return out;
  }

  /** A threshold setting and how it did. */
  public record Calibration(double minConfidence, double minMargin, double answeredCorrectly,
      double answeredWrongly, double outOfScopeRejection, double score) {
  }

  /**
   * Searches confidence and margin thresholds on classified examples. A wrong answer is
   * misinformation, so it costs twice what a fallback (which offers the nurses) does:
   * score = correct answers + out-of-scope rejections - 2 x wrong answers, as rates.
   */
  public static List<Calibration> calibrate(List<Map.Entry<LabelledText, Classification>> data) {
    List<Calibration> out = new ArrayList<>();
    for (int c = 10; c <= 90; c += 5) {
      for (int m = 0; m <= 40; m += 5) {
        double minConfidence = c / 100.0;
        double minMargin = m / 100.0;
        int inScope = 0;
        int right = 0;
        int wrong = 0;
        int oos = 0;
        int rejected = 0;
        for (Map.Entry<LabelledText, Classification> e : data) {
          IntentScore top = e.getValue().top();
          boolean answers = top.confidence() >= minConfidence
              && e.getValue().margin() >= minMargin
              && !Content.OUT_OF_SCOPE.equals(top.intent());
          if (Content.OUT_OF_SCOPE.equals(e.getKey().intent())) {
            oos++;
            rejected += answers ? 0 : 1;
          } else {
            inScope++;
            if (answers && top.intent().equals(e.getKey().intent())) {
              right++;
            } else if (answers) {
              wrong++;
            }
          }
        }
        double r = Evaluator.ratio(right, inScope);
        double w = Evaluator.ratio(wrong, inScope);
        double o = Evaluator.ratio(rejected, oos);
        out.add(new Calibration(minConfidence, minMargin, r, w, o, r + o - 2 * w));
      }
    }
    out.sort(Comparator.comparingDouble(Calibration::score).reversed()
        .thenComparingDouble(Calibration::minConfidence));
    return out;
  }
}
