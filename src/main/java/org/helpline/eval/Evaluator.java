package org.helpline.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.helpline.content.Content;
import org.helpline.content.DialogAction;
import org.helpline.content.Example;
import org.helpline.conversation.HelplineBot;
import org.helpline.dialog.ConversationState;
import org.helpline.dialog.Turn;
import org.helpline.dialog.UserTurn;
import org.helpline.nlu.Classification;
import org.helpline.nlu.IntentScore;
import org.helpline.nlu.TextNormaliser;
import org.helpline.nlu.TrainingExample;
import org.helpline.nlu.opennlp.IntentModelTrainer;
import org.helpline.nlu.opennlp.OpenNlpSettings;

/**
 * Measures the real pipeline (normalisation, safety screen, OpenNLP model, dialog engine) on
 * labelled messages: intent accuracy, per-intent figures, confusions, out-of-scope rejection,
 * safety recall and the action mix; also cross-validation and threshold calibration.
 */
public final class Evaluator {

  /** Fixed so that every run of cross-validation and calibration gives the same figures. */
  static final long SEED = 20261128L;

  private Evaluator() {
  }

  /** Reads every {@code <intent>.txt} in a folder (intents format) as labelled messages. */
  public static List<LabelledText> readFolder(Path folder) {
    List<LabelledText> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".txt") || name.startsWith("_")) {
          continue;
        }
        String intent = name.substring(0, name.length() - 4);
        out.addAll(labelled(intent, Files.readAllLines(file, StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The messages of one file in the intents format: blank lines and # comments skipped. */
  public static List<LabelledText> labelled(String intent, List<String> lines) {
    List<LabelledText> out = new ArrayList<>();
    for (String line : lines) {
      String text = line.strip();
      if (!text.isEmpty() && !text.startsWith("#")) {
        out.add(new LabelledText(intent, text));
      }
    }
    return out;
  }

  /** One message's outcome through the whole pipeline, from a fresh conversation. */
  public record Outcome(LabelledText expected, Classification nlu, Turn turn) {

    public String predicted() {
      return nlu.top().intent();
    }
  }

  /** Runs every message through the bot's pipeline. */
  public static List<Outcome> run(HelplineBot bot, List<LabelledText> messages) {
    Instant now = Instant.parse("2026-11-25T11:00:00Z");
    List<Outcome> out = new ArrayList<>(messages.size());
    for (LabelledText m : messages) {
      Classification nlu = bot.classifier().classify(m.text());
      Turn turn = bot.engine().respond(ConversationState.start(now),
          new UserTurn(bot.screen().screen(m.text()), nlu, false, now));
      out.add(new Outcome(m, nlu, turn));
    }
    return out;
  }

  /** Figures over a set of outcomes. */
  public record Report(
      int inScope,
      double intentAccuracy,
      double answeredCorrectly,
      double answeredWrongly,
      int outOfScope,
      double outOfScopeRejection,
      Map<String, double[]> perIntent,
      List<Map.Entry<String, Integer>> confusions,
      Map<String, Integer> actions) {
  }

  /** Summarises outcomes; {@code perIntent} holds precision, recall, F1 and support. */
  public static Report report(List<Outcome> outcomes) {
    int inScope = 0;
    int correct = 0;
    int answeredRight = 0;
    int answeredWrong = 0;
    int oos = 0;
    int rejected = 0;
    Map<String, int[]> counts = new TreeMap<>();
    Map<String, Integer> confusions = new LinkedHashMap<>();
    Map<String, Integer> actions = new TreeMap<>();
    for (Outcome o : outcomes) {
      String expected = o.expected().intent();
      String predicted = o.predicted();
      counts.computeIfAbsent(expected, k -> new int[3])[2]++;
      counts.computeIfAbsent(predicted, k -> new int[3]);
      if (expected.equals(predicted)) {
        counts.get(expected)[0]++;
      } else {
        counts.get(predicted)[1]++;
        confusions.merge(expected + " -> " + predicted, 1, Integer::sum);
      }
      actions.merge(o.turn().action().id(), 1, Integer::sum);
      boolean acted = o.turn().action() == DialogAction.ANSWER
          || o.turn().action() == DialogAction.HANDOFF
          || o.turn().action() == DialogAction.ESCALATE;
      if (Content.OUT_OF_SCOPE.equals(expected)) {
        oos++;
        if (o.turn().action() == DialogAction.FALLBACK) {
          rejected++;
        }
      } else {
        inScope++;
        if (expected.equals(predicted)) {
          correct++;
        }
        if (acted && expected.equals(o.turn().intent())) {
          answeredRight++;
        } else if (acted && o.turn().action() != DialogAction.ESCALATE) {
          answeredWrong++;
        }
      }
    }
    Map<String, double[]> perIntent = new TreeMap<>();
    counts.forEach((intent, c) -> {
      double precision = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
      double recall = c[2] == 0 ? 0 : (double) c[0] / c[2];
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      perIntent.put(intent, new double[] {precision, recall, f1, c[2]});
    });
    List<Map.Entry<String, Integer>> confused = new ArrayList<>(confusions.entrySet());
    confused.sort(Map.Entry.<String, Integer>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey()));
    return new Report(inScope, ratio(correct, inScope), ratio(answeredRight, inScope),
        ratio(answeredWrong, inScope), oos, ratio(rejected, oos), perIntent,
        List.copyOf(confused), actions);
  }

  /**
   * Out-of-fold classifications for k-fold cross-validation on the content's own examples,
   * stratified by intent and shuffled with a fixed seed.
   */
  public static List<Map.Entry<LabelledText, Classification>> crossValidate(Content content,
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
        double r = ratio(right, inScope);
        double w = ratio(wrong, inScope);
        double o = ratio(rejected, oos);
        out.add(new Calibration(minConfidence, minMargin, r, w, o, r + o - 2 * w));
      }
    }
    out.sort(Comparator.comparingDouble(Calibration::score).reversed()
        .thenComparingDouble(Calibration::minConfidence));
    return out;
  }

  static double ratio(int part, int whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }
}
