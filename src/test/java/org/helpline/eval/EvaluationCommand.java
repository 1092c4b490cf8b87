package org.helpline.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.helpline.config.HelplineSettings;
import org.helpline.content.Content;
import org.helpline.content.ContentSource;
import org.helpline.content.DialogAction;
import org.helpline.conversation.BotFactory;
import org.helpline.conversation.HelplineBot;
import org.helpline.dialog.NluThresholds;
import org.helpline.nlu.Classification;
import org.helpline.nlu.TextNormaliser;
import org.helpline.nlu.TrainingExample;
import org.helpline.nlu.opennlp.IntentModelTrainer;
import org.helpline.nlu.opennlp.OpenNlpSettings;

/**
 * Evaluation from the command line (run through {@code ./mvnw -Peval test-compile}, see the
 * README). Modes: {@code report} (development set and safety set), {@code cv [k]} (k-fold
 * cross-validation on {@code intents/}), {@code calibrate [file.md]} (threshold search by
 * cross-validation on {@code intents/} only; {@code docs/calibration.md} is its output),
 * {@code compare} (model variants) and {@code classify <text>}. Paths are relative to the
 * project directory.
 */
public final class EvaluationCommand {

  /** The development set (also read by the encoder benchmark). */
  static final Path DEVELOPMENT = Path.of("src/test/resources/development");
  private static final Path SAFETY = Path.of("src/test/resources/safety");
  /** The project's own content, built with the server's settings (also the encoder benchmark). */
  static final ContentSource PROJECT = ContentSource.directory(Path.of("."));

  private EvaluationCommand() {
  }

  public static void main(String[] args) throws IOException {
    String mode = args.length == 0 ? "report" : args[0];
    BotFactory factory = HelplineSettings.botFactory();
    NluThresholds thresholds = factory.thresholds();
    long start = System.nanoTime();
    HelplineBot bot = factory.build(PROJECT);
    System.out.printf(Locale.ROOT, "Content %s: %d intents, %d examples; loaded and trained in"
        + " %d ms (training alone %d ms)%n", bot.content().version(),
        bot.content().intents().size(), bot.content().examples().size(),
        (System.nanoTime() - start) / 1_000_000, bot.trainingTime().toMillis());
    System.out.printf(Locale.ROOT, "Thresholds in force: min-confidence=%.2f min-margin=%.2f"
        + " clarify-floor=%.2f safety-net-confidence=%.2f%n%n", thresholds.minConfidence(),
        thresholds.minMargin(), thresholds.clarifyFloor(), thresholds.safetyNetConfidence());
    switch (mode) {
      case "report" -> report(bot);
      case "cv" -> crossValidate(factory, bot, args.length > 1 ? Integer.parseInt(args[1]) : 5);
      case "calibrate" -> calibrate(factory, bot, args.length > 1 ? args[1] : null);
      case "compare" -> compare(bot);
      case "classify" -> classify(bot, String.join(" ", List.of(args).subList(1, args.length)));
      case "routes" -> RouteEvaluation.run(bot, args.length > 1 ? args[1]
          : "src/test/resources/development-categories", args.length > 2
          && "misses".equals(args[2]));
      default -> throw new IllegalArgumentException("unknown mode " + mode
          + "; use report, cv [k], calibrate [file.md], compare, classify <text> or routes"
          + " [folders] [misses]");
    }
  }

  private static void report(HelplineBot bot) {
    List<Evaluator.Outcome> outcomes = Evaluator.run(bot, LabelledFolder.read(DEVELOPMENT));
    Evaluator.Report r = Evaluator.report(outcomes);
    System.out.printf(Locale.ROOT, "Development set (%s): %d in-scope, %d out-of-scope messages."
        + "%nIt has steered content and settings, so these figures are optimistic; each has its"
        + " 95 %% Wilson score interval.%n", DEVELOPMENT, r.inScope(), r.outOfScope());
    figures(r);
    System.out.println("  action mix: " + r.actions());
    System.out.println();
    System.out.println("Per intent (precision / recall / F1 / support):");
    r.perIntent().forEach((intent, f) -> System.out.printf(Locale.ROOT,
        "  %-38s %5.2f %5.2f %5.2f %4d%n", intent, f[0], f[1], f[2], (int) f[3]));
    System.out.println();
    System.out.println("Most confused (expected -> predicted):");
    r.confusions().stream().limit(12).forEach(e -> System.out.printf(Locale.ROOT,
        "  %3d  %s%n", e.getValue(), e.getKey()));
    System.out.println();
    Evaluator.Report typos = Evaluator.report(Evaluator.run(bot,
        Typos.of(LabelledFolder.read(DEVELOPMENT))));
    System.out.printf(Locale.ROOT, "The same set with 1-2 seeded typos per message (seed %d):%n",
        Typos.SEED);
    figures(typos);
    System.out.println();
    safety(bot);
  }

  /** The four headline proportions of a report, each with its 95 % Wilson interval. */
  private static void figures(Evaluator.Report r) {
    System.out.println("  intent accuracy (top-1):         " + r.accuracy().describe());
    System.out.println("  answered with the right intent:  " + r.answeredRight().describe());
    System.out.println("  answered with a wrong intent:    " + r.answeredWrong().describe());
    System.out.println("  out-of-scope rejection:          " + r.rejection().describe());
  }

  /** Safety recall and false alarms of a bot on the safety set (also the encoder benchmark). */
  static void safety(HelplineBot bot) {
    for (String type : List.of("medical_emergency", "self_harm")) {
      List<Evaluator.Outcome> outcomes = Evaluator.run(bot,
          LabelledFolder.read(SAFETY).stream()
              .filter(m -> m.intent().equals("must_escalate_" + type)).toList());
      long escalated = outcomes.stream().filter(o -> o.turn().escalation()
          .map(e -> e.type().equals(type)).orElse(false)).count();
      System.out.printf(Locale.ROOT, "Safety recall %-18s %s%n", type,
          new Proportion((int) escalated, outcomes.size()).describe());
      outcomes.stream().filter(o -> o.turn().escalation().isEmpty())
          .forEach(o -> System.out.println("  MISSED: " + o.expected().text()));
    }
    List<Evaluator.Outcome> calm = Evaluator.run(bot, LabelledFolder.read(SAFETY).stream()
        .filter(m -> m.intent().equals("must_not_escalate")).toList());
    long falseAlarms = calm.stream().filter(o -> o.turn().action() == DialogAction.ESCALATE)
        .count();
    System.out.printf(Locale.ROOT, "Safety false alarms:             %s%n",
        new Proportion((int) falseAlarms, calm.size()).describe());
    System.out.println("(The safety set holds the rules' own phrases word for word: a regression"
        + " set for the rules, not a measure of recall; the blind test set measures that.)");
    calm.stream().filter(o -> o.turn().action() == DialogAction.ESCALATE)
        .forEach(o -> System.out.printf(Locale.ROOT, "  ESCALATED (%s %s %.2f): %s%n",
            o.turn().escalation().get().trigger(), o.turn().intent(), o.turn().confidence(),
            o.expected().text()));
  }

  private static void crossValidate(BotFactory factory, HelplineBot bot, int folds) {
    List<Map.Entry<LabelledText, Classification>> oof = CrossValidation.outOfFold(bot.content(),
        factory.nlp(), folds);
    long correct = oof.stream().filter(e -> e.getKey().intent()
        .equals(e.getValue().top().intent())).count();
    System.out.printf(Locale.ROOT, "%d-fold cross-validation on intents/: top-1 accuracy %s%n",
        folds, new Proportion((int) correct, oof.size()).describe());
    ThresholdCalibration.Result at = new ThresholdCalibration(bot.content(), factory.nlp(),
        folds, factory.thresholds(), factory.maxMisunderstandings()).run(factory.thresholds());
    System.out.println("At the thresholds in force, through the whole turn:");
    System.out.println("  answered with the right intent:  " + at.answeredRight().describe());
    System.out.println("  answered with a wrong intent:    " + at.answeredWrong().describe());
    System.out.println("  out-of-scope rejection:          " + at.rejection().describe());
  }

  /**
   * Calibrates the thresholds by cross-validation on intents/ only, and prints or writes the
   * report. There is deliberately no way to calibrate on the development or blind test set.
   */
  private static void calibrate(BotFactory factory, HelplineBot bot, String output)
      throws IOException {
    if (output != null && !output.equals("cv") && !output.endsWith(".md")) {
      throw new IllegalArgumentException("calibrate takes an optional Markdown file to write;"
          + " thresholds are calibrated by cross-validation on intents/ only, never on the"
          + " development or blind test set");
    }
    long start = System.nanoTime();
    ThresholdCalibration calibration = new ThresholdCalibration(bot.content(), factory.nlp(), 5,
        factory.thresholds(), factory.maxMisunderstandings());
    String report = CalibrationReport.markdown(calibration, bot.content(), factory.nlp());
    if (output == null || output.equals("cv")) {
      System.out.print(report);
    } else {
      Files.writeString(Path.of(output), report, StandardCharsets.UTF_8);
      System.out.println("Wrote " + output);
    }
    System.out.printf(Locale.ROOT, "(calibration took %d s)%n",
        (System.nanoTime() - start) / 1_000_000_000);
  }

  /** Shows what the pipeline makes of one message: safety verdict, top intents, action. */
  private static void classify(HelplineBot bot, String text) {
    Classification nlu = bot.classifier().classify(text);
    System.out.println("normalised: " + nlu.text());
    System.out.println("safety:     " + bot.screen().screen(text));
    nlu.ranking().stream().limit(5).forEach(s -> System.out.printf(Locale.ROOT,
        "  %-38s %.3f%n", s.intent(), s.confidence()));
    Evaluator.Outcome o = Evaluator.run(bot, List.of(new LabelledText("?", text))).get(0);
    System.out.println("action:     " + o.turn().action().id() + " " + o.turn().intent());
  }

  /**
   * Trains model variants on intents/ and scores each by 5-fold cross-validation (the figure
   * to choose by) and on the development set (reported, never used to choose).
   */
  private static void compare(HelplineBot bot) {
    List<LabelledText> development = LabelledFolder.read(DEVELOPMENT).stream()
        .filter(m -> !m.intent().equals(Content.OUT_OF_SCOPE)).toList();
    var normaliser = new TextNormaliser(bot.content().spelling());
    var examples = bot.content().examples().stream()
        .map(e -> new TrainingExample(e.intent(), e.text())).toList();
    System.out.println("  algorithm  iter cutoff chars bigrams typos  train-ms  cv-top1"
        + "  dev-in-scope");
    List<OpenNlpSettings> variants = List.of(
        OpenNlpSettings.defaults(),
        OpenNlpSettings.of(s -> s.wordBigrams = true),
        OpenNlpSettings.of(s -> {
          s.charNgrams = false;
          s.wordBigrams = true;
        }),
        OpenNlpSettings.of(s -> s.cutoff = 0),
        OpenNlpSettings.of(s -> s.iterations = 200),
        OpenNlpSettings.of(s -> {
          s.algorithm = "MAXENT";
          s.iterations = 300;
          s.wordBigrams = true;
        }),
        OpenNlpSettings.of(s -> s.typoCorrection = false));
    for (OpenNlpSettings settings : variants) {
      long start = System.nanoTime();
      var classifier = new IntentModelTrainer(settings)
          .train(examples, normaliser);
      long ms = (System.nanoTime() - start) / 1_000_000;
      long right = development.stream().filter(m -> classifier.classify(m.text()).top()
          .intent().equals(m.intent())).count();
      List<Map.Entry<LabelledText, Classification>> oof = CrossValidation.outOfFold(
          bot.content(), settings, 5);
      long cvRight = oof.stream().filter(e -> e.getKey().intent()
          .equals(e.getValue().top().intent())).count();
      System.out.printf(Locale.ROOT, "  %-10s %4d %6d %5s %7s %5s %9d %7.1f%% %8.1f%%%n",
          settings.algorithm(), settings.iterations(), settings.cutoff(), settings.charNgrams(),
          settings.wordBigrams(), settings.typoCorrection(), ms, 100.0 * cvRight / oof.size(),
          100.0 * right / development.size());
    }
  }
}
