package org.helpline.eval;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.helpline.config.HelplineSettings;
import org.helpline.content.Content;
import org.helpline.dialog.NluThresholds;
import org.helpline.nlu.Classification;
import org.helpline.nlu.IntentClassifier;
import org.helpline.nlu.TextNormaliser;
import org.helpline.nlu.TrainingExample;
import org.helpline.nlu.opennlp.IntentModelTrainer;
import org.helpline.nlu.opennlp.OpenNlpIntentClassifier;
import org.helpline.nlu.opennlp.OpenNlpSettings;
import org.helpline.nlu.opennlp.PackagedModel;

/**
 * Benchmarks the bot's real classifier pipeline on CLINC150 or on an {@code intents/} folder
 * (run through {@code ./mvnw -q -Pbench test-compile}, see {@code docs/benchmarks.md}).
 *
 * <p>Arguments, in any order: the data (a CLINC150 {@code .json} file, default
 * {@value #DEFAULT_DATA}, or an {@code intents/} directory), any number of settings rows
 * ({@code default}, or changes to the defaults such as {@code algorithm=MAXENT},
 * {@code iterations=200}, {@code cutoff=2}, {@code chars=false}, {@code bigrams=true},
 * {@code l1=0}, {@code l2=0.5}, {@code threads=2}, {@code updates=5}, {@code typos=true},
 * joined with {@code +}), and the flags {@code --threshold-only}, {@code --oos-class-only},
 * {@code --no-timing} and {@code --cached}
 * (load the threshold-only model an earlier run saved under {@code target/bench/}).
 *
 * <p>On CLINC150 each row trains on {@code train} (the "threshold only" model) and on
 * {@code train + oos_train} with {@code oos} as a 151st intent (the "trained oos class" model),
 * chooses rejection thresholds on {@code val + oos_val} only, and reports on
 * {@code test + oos_test}. Rejection criterion: the threshold that maximises in-scope accuracy
 * plus out-of-scope recall on validation (ties: the lowest threshold); the paper's criterion
 * (accuracy over validation with oos as a class) is reported as well.
 */
public final class ClincBenchmark {

  /** Relative to the project directory, where Maven runs the benchmark. */
  static final String DEFAULT_DATA = "../shared/benchmarks/clinc150/data_full.json";

  private static final String PAPER = "top-prob, paper criterion";
  private static final int WARM_UP_PASSES = 3;
  private static final int TIMED_PASSES = 5;
  /** Where trained CLINC models are kept for {@code --cached} runs. */
  private static final Path CACHE = Path.of("target/bench");

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static double sink;

  private ClincBenchmark() {
  }

  /** Runs the benchmark; see the class comment for the arguments. */
  public static void main(String[] args) {
    Path data = Path.of(DEFAULT_DATA);
    List<String> rows = new ArrayList<>();
    boolean thresholdModel = true;
    boolean oosModel = true;
    boolean timing = true;
    boolean cached = false;
    for (String arg : args) {
      if (arg.isBlank()) {
        continue;
      }
      switch (arg) {
        case "--threshold-only" -> oosModel = false;
        case "--oos-class-only" -> thresholdModel = false;
        case "--no-timing" -> timing = false;
        case "--cached" -> cached = true;
        default -> {
          if (arg.endsWith(".json") || arg.contains("/") || Files.isDirectory(Path.of(arg))) {
            data = Path.of(arg);
          } else {
            rows.add(arg);
          }
        }
      }
    }
    if (rows.isEmpty()) {
      rows.add("default");
    }
    printMachine();
    if (Files.isDirectory(data)) {
      for (String row : rows) {
        content(data, row, settings(row), timing);
      }
      return;
    }
    System.out.println("Reading " + data.toAbsolutePath().normalize());
    ClincData clinc = ClincData.read(data);
    System.out.printf(Locale.ROOT, "train %d, val %d, test %d, oos_train %d, oos_val %d,"
        + " oos_test %d%n", clinc.train().size(), clinc.val().size(), clinc.test().size(),
        clinc.oosTrain().size(), clinc.oosVal().size(), clinc.oosTest().size());
    List<String> summary = new ArrayList<>();
    for (String row : rows) {
      summary.add(clinc(clinc, row, settings(row), thresholdModel, oosModel, timing, cached));
    }
    System.out.println();
    System.out.println("Summary (test + oos_test; in-scope accuracy / oos recall, %;"
        + " thresholds chosen on val + oos_val)");
    System.out.println("| row | threshold only: no threshold | top-prob | margin | prob+margin"
        + " | top-prob, paper criterion | trained oos class: no threshold | top-prob"
        + " | top-prob, paper criterion | training s (thr / oos) | queries/s | p99 us |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
    summary.forEach(System.out::println);
  }

  /** The defaults, changed by a row such as {@code algorithm=MAXENT+iterations=300}. */
  public static OpenNlpSettings settings(String row) {
    if (row.equals("default")) {
      return OpenNlpSettings.defaults();
    }
    return OpenNlpSettings.of(s -> {
      for (String change : row.split("\\+")) {
        String[] kv = change.split("=", 2);
        if (kv.length != 2) {
          throw new IllegalArgumentException("row '" + row + "': expected name=value, got "
              + change);
        }
        String v = kv[1];
        switch (kv[0]) {
          case "algorithm" -> s.algorithm = v;
          case "iterations" -> s.iterations = Integer.parseInt(v);
          case "cutoff" -> s.cutoff = Integer.parseInt(v);
          case "chars" -> s.charNgrams = Boolean.parseBoolean(v);
          case "bigrams" -> s.wordBigrams = Boolean.parseBoolean(v);
          case "l1" -> s.l1Cost = Double.parseDouble(v);
          case "l2" -> s.l2Cost = Double.parseDouble(v);
          case "threads" -> s.threads = Integer.parseInt(v);
          case "updates" -> s.updates = Integer.parseInt(v);
          case "typos" -> s.typoCorrection = Boolean.parseBoolean(v);
          default -> throw new IllegalArgumentException("row '" + row + "': unknown setting "
              + kv[0] + "; use algorithm, iterations, cutoff, chars, bigrams, l1, l2, threads,"
              + " updates or typos");
        }
      }
    });
  }

  /** The top intent, its probability and the runner-up's, for threshold searches. */
  record Scored(String expected, String top, double p1, double p2) {

    static Scored of(LabelledText m, Classification c) {
      // An empty ranking means no feature was known: the bot falls back, so it counts as oos.
      String top = c.ranking().isEmpty() ? ClincData.OOS : c.top().intent();
      return new Scored(m.intent(), top, c.top().confidence(), c.second().confidence());
    }

    boolean predictsOos(double minProb, double minMargin) {
      return ClincData.OOS.equals(top) || p1 < minProb || p1 - p2 < minMargin;
    }
  }

  /** A rejection rule: answer only at or above both thresholds. */
  record Rule(String name, double minProb, double minMargin) {

    String describe() {
      return String.format(Locale.ROOT, "p>=%.2f m>=%.2f", minProb, minMargin);
    }
  }

  /** In-scope accuracy (correct and not rejected), oos recall and oos precision. */
  record Metrics(double inScope, double oosRecall, double oosPrecision, double accuracy) {

    static Metrics of(List<Scored> scored, double minProb, double minMargin) {
      int in = 0;
      int right = 0;
      int oos = 0;
      int caught = 0;
      int predictedOos = 0;
      for (Scored s : scored) {
        boolean rejected = s.predictsOos(minProb, minMargin);
        predictedOos += rejected ? 1 : 0;
        if (ClincData.OOS.equals(s.expected())) {
          oos++;
          caught += rejected ? 1 : 0;
        } else {
          in++;
          right += !rejected && s.top().equals(s.expected()) ? 1 : 0;
        }
      }
      return new Metrics(Evaluator.ratio(right, in), Evaluator.ratio(caught, oos),
          Evaluator.ratio(caught, predictedOos), Evaluator.ratio(right + caught, in + oos));
    }

    double balanced() {
      return inScope + oosRecall;
    }
  }

  private static String clinc(ClincData data, String row, OpenNlpSettings settings,
      boolean thresholdModel, boolean oosModel, boolean timing, boolean cached) {
    System.out.println();
    System.out.println("== " + row + ": " + settings);
    TextNormaliser normaliser = TextNormaliser.plain();
    List<LabelledText> val = concat(data.val(), data.oosVal());
    List<LabelledText> test = concat(data.test(), data.oosTest());
    StringBuilder line = new StringBuilder("| " + row);
    String trainSeconds = "";
    String throughput = " | |";
    if (thresholdModel) {
      long start = System.nanoTime();
      long cpu = processCpu();
      Optional<OpenNlpIntentClassifier> saved = cached ? cachedModel(settings, data.train())
          : Optional.empty();
      IntentClassifier classifier = saved.isPresent() ? saved.get()
          : trainAndCache(settings, data.train());
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (processCpu() - cpu) / 1e9;
      if (saved.isPresent()) {
        trainSeconds = "(cached)";
        System.out.println("threshold only: model loaded from " + CACHE + " (the same model"
            + " training gives; training not timed)");
      } else {
        trainSeconds = String.format(Locale.ROOT, "%.1f (CPU %.1f)", seconds, cpuSeconds);
        System.out.printf(Locale.ROOT, "threshold only: trained on %d in-scope queries in %.1f"
            + " s (process CPU time %.1f s: all threads, GC and JIT included)%n",
            data.train().size(), seconds, cpuSeconds);
      }
      Map<String, Metrics> results = evaluate(classifier, val, test, true);
      Metrics typos = Metrics.of(score(classifier, Typos.of(data.test())), 0, 0);
      System.out.printf(Locale.ROOT, "  test in-scope queries with 1-2 seeded typos each, no"
          + " rejection: in-scope %.1f%% (clean: %.1f%%)%n", 100 * typos.inScope(),
          100 * results.get("none").inScope());
      for (String rule : List.of("none", "top-prob", "margin", "prob+margin", PAPER)) {
        line.append(" | ").append(cell(results.get(rule)));
      }
      if (timing) {
        throughput = timing(classifier, test);
      }
    } else {
      line.append(" | | | | |");
    }
    if (oosModel) {
      long start = System.nanoTime();
      IntentClassifier classifier = new IntentModelTrainer(settings)
          .train(examples(concat(data.train(), data.oosTrain())), normaliser);
      double seconds = (System.nanoTime() - start) / 1e9;
      trainSeconds += String.format(Locale.ROOT, trainSeconds.isEmpty() ? "%.1f" : " / %.1f",
          seconds);
      System.out.printf(Locale.ROOT, "trained oos class: trained on %d queries (oos as a class)"
          + " in %.1f s%n", data.train().size() + data.oosTrain().size(), seconds);
      Map<String, Metrics> results = evaluate(classifier, val, test, false);
      line.append(" | ").append(cell(results.get("none")))
          .append(" | ").append(cell(results.get("top-prob")))
          .append(" | ").append(cell(results.get(PAPER)));
    } else {
      line.append(" | | |");
    }
    return line.append(" | ").append(trainSeconds).append(throughput).append(" |").toString();
  }

  /** Scores every rule on test, with thresholds searched on validation; prints each. */
  private static Map<String, Metrics> evaluate(IntentClassifier classifier,
      List<LabelledText> val, List<LabelledText> test, boolean thresholdOnly) {
    List<Scored> onVal = score(classifier, val);
    List<Scored> onTest = score(classifier, test);
    List<Rule> rules = new ArrayList<>();
    rules.add(new Rule("none", 0, 0));
    rules.add(search("top-prob", onVal, true, false, false));
    rules.add(search("margin", onVal, false, true, false));
    rules.add(search("prob+margin", onVal, true, true, false));
    rules.add(search(PAPER, onVal, true, false, true));
    String variant = thresholdOnly ? "threshold only" : "trained oos class";
    System.out.println("  variant            rule                       thresholds       "
        + " val in+rec | test in-scope  oos recall  oos precision");
    Map<String, Metrics> out = new LinkedHashMap<>();
    for (Rule rule : rules) {
      Metrics v = Metrics.of(onVal, rule.minProb(), rule.minMargin());
      Metrics t = Metrics.of(onTest, rule.minProb(), rule.minMargin());
      out.put(rule.name(), t);
      System.out.printf(Locale.ROOT, "  %-18s %-26s %-17s %5.1f+%5.1f | %12.1f%% %10.1f%% %13.1f%%%n",
          variant, rule.name(), rule.describe(), 100 * v.inScope(), 100 * v.oosRecall(),
          100 * t.inScope(), 100 * t.oosRecall(), 100 * t.oosPrecision());
    }
    return out;
  }

  /** Grid search in steps of 0.01; the first (lowest) best setting wins ties. */
  private static Rule search(String name, List<Scored> val, boolean prob, boolean margin,
      boolean paperCriterion) {
    double best = -1;
    Rule bestRule = null;
    for (int p = 0; p < (prob ? 100 : 1); p++) {
      for (int m = 0; m < (margin ? 100 : 1); m++) {
        Metrics metrics = Metrics.of(val, p / 100.0, m / 100.0);
        double score = paperCriterion ? metrics.accuracy() : metrics.balanced();
        if (score > best + 1e-12) {
          best = score;
          bestRule = new Rule(name, p / 100.0, m / 100.0);
        }
      }
    }
    return bestRule;
  }

  private static List<Scored> score(IntentClassifier classifier, List<LabelledText> messages) {
    List<Scored> out = new ArrayList<>(messages.size());
    for (LabelledText m : messages) {
      out.add(Scored.of(m, classifier.classify(m.text())));
    }
    return out;
  }

  /**
   * Single-thread classification throughput and latency: warm-up passes over the messages,
   * then timed passes, each call timed on its own. Returns the summary cells.
   */
  private static String timing(IntentClassifier classifier, List<LabelledText> messages) {
    String[] texts = messages.stream().map(LabelledText::text).toArray(String[]::new);
    for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
      for (String text : texts) {
        sink += classifier.classify(text).top().confidence();
      }
    }
    long[] latencies = new long[texts.length * TIMED_PASSES];
    int k = 0;
    long total = 0;
    long cpuStart = THREADS.getCurrentThreadCpuTime();
    for (int pass = 0; pass < TIMED_PASSES; pass++) {
      long passStart = System.nanoTime();
      for (String text : texts) {
        long t0 = System.nanoTime();
        sink += classifier.classify(text).top().confidence();
        latencies[k++] = System.nanoTime() - t0;
      }
      total += System.nanoTime() - passStart;
    }
    double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    Arrays.sort(latencies);
    double qps = latencies.length / (total / 1e9);
    double p50 = latencies[latencies.length / 2] / 1e3;
    double p99 = latencies[(int) Math.ceil(0.99 * latencies.length) - 1] / 1e3;
    System.out.printf(Locale.ROOT, "timing (threshold-only model, one thread, %d warm-up + %d"
        + " timed passes over %d queries): %.0f queries/s wall, %.0f queries per CPU-second of"
        + " the thread, p50 %.1f us, p99 %.1f us, max %.1f us (checksum %.1f)%n",
        WARM_UP_PASSES, TIMED_PASSES, texts.length, qps, latencies.length / cpuSeconds, p50, p99,
        latencies[latencies.length - 1] / 1e3, sink);
    return String.format(Locale.ROOT, " | %.0f (%.0f per CPU-s) | %.1f", qps,
        latencies.length / cpuSeconds, p99);
  }

  /** Trains on an {@code intents/} folder as the bot does and times it (cold, then warm). */
  private static void content(Path dir, String row, OpenNlpSettings settings, boolean timing) {
    System.out.println();
    System.out.println("== " + row + " on " + dir + ": " + settings);
    List<LabelledText> examples = LabelledFolder.read(dir);
    TextNormaliser normaliser = new TextNormaliser(spelling(dir.resolve("_spelling.txt")));
    IntentClassifier classifier = null;
    for (int run = 1; run <= 3; run++) {
      long start = System.nanoTime();
      long cpu = processCpu();
      classifier = new IntentModelTrainer(settings).train(examples(examples), normaliser);
      System.out.printf(Locale.ROOT, "training run %d (%s): %d examples, %d intents, %.2f s"
          + " (process CPU %.2f s)%n", run, run == 1 ? "cold JVM, as at start-up" : "warm",
          examples.size(), examples.stream().map(LabelledText::intent).distinct().count(),
          (System.nanoTime() - start) / 1e9, (processCpu() - cpu) / 1e9);
    }
    List<LabelledText> development = Files.isDirectory(EvaluationCommand.DEVELOPMENT)
        ? LabelledFolder.read(EvaluationCommand.DEVELOPMENT)
        : List.of();
    if (!development.isEmpty()) {
      onDevelopment(classifier, development, "development " + EvaluationCommand.DEVELOPMENT);
      onDevelopment(classifier, Typos.of(development),
          "development with 1-2 seeded typos per message");
    }
    if (timing) {
      timing(classifier, development.isEmpty() ? examples : development);
    }
  }

  /** Top-1 accuracy and, at the bot's thresholds, in-scope answered right and oos rejected. */
  private static void onDevelopment(IntentClassifier classifier, List<LabelledText> messages,
      String name) {
    NluThresholds thresholds = HelplineSettings.botFactory().thresholds();
    int in = 0;
    int top1 = 0;
    int answered = 0;
    int oos = 0;
    int rejected = 0;
    for (LabelledText m : messages) {
      Classification c = classifier.classify(m.text());
      boolean reject = rejects(c, thresholds);
      if (Content.OUT_OF_SCOPE.equals(m.intent())) {
        oos++;
        rejected += reject ? 1 : 0;
      } else {
        in++;
        top1 += m.intent().equals(c.top().intent()) ? 1 : 0;
        answered += !reject && m.intent().equals(c.top().intent()) ? 1 : 0;
      }
    }
    System.out.printf(Locale.ROOT, "%s (%d in-scope, %d out_of_scope): top-1 %.1f%%;"
        + " at min-confidence %.2f and min-margin %.2f (no clarify step): in-scope %.1f%%,"
        + " oos rejected %.1f%%%n", name, in, oos, 100.0 * top1 / Math.max(1, in),
        thresholds.minConfidence(), thresholds.minMargin(), 100.0 * answered / Math.max(1, in),
        100.0 * rejected / Math.max(1, oos));
  }

  /**
   * Whether the bot's thresholds reject a classification on their own, without the dialog
   * engine's clarify step (also the encoder benchmark).
   */
  static boolean rejects(Classification c, NluThresholds thresholds) {
    return c.ranking().isEmpty() || Content.OUT_OF_SCOPE.equals(c.top().intent())
        || c.top().confidence() < thresholds.minConfidence()
        || c.margin() < thresholds.minMargin();
  }

  private static Map<String, String> spelling(Path file) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return out;
    }
    try {
      for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String line = raw.strip();
        int eq = line.indexOf('=');
        if (!line.isEmpty() && !line.startsWith("#") && eq > 0) {
          out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * The threshold-only model for these settings saved by an earlier run, when {@code --cached}
   * is given: a {@link PackagedModel} file whose fingerprint covers the settings and examples,
   * so a loaded model is the one training would give.
   */
  public static Optional<OpenNlpIntentClassifier> cachedModel(OpenNlpSettings settings,
      List<LabelledText> train) {
    List<TrainingExample> examples = examples(train);
    TextNormaliser normaliser = TextNormaliser.plain();
    String fingerprint = PackagedModel.fingerprint(settings, examples, normaliser);
    Path file = CACHE.resolve("clinc-" + fingerprint + ".bin");
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      return PackagedModel.read(in, fingerprint, settings, normaliser);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Trains the threshold-only model and saves it for {@link #cachedModel}. */
  public static OpenNlpIntentClassifier trainAndCache(OpenNlpSettings settings,
      List<LabelledText> train) {
    List<TrainingExample> examples = examples(train);
    TextNormaliser normaliser = TextNormaliser.plain();
    OpenNlpIntentClassifier classifier = new IntentModelTrainer(settings).train(examples,
        normaliser);
    String fingerprint = PackagedModel.fingerprint(settings, examples, normaliser);
    try {
      Files.createDirectories(CACHE);
      try (OutputStream out = Files.newOutputStream(CACHE.resolve("clinc-" + fingerprint
          + ".bin"))) {
        PackagedModel.write(classifier, fingerprint, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return classifier;
  }

  private static long processCpu() {
    return ((OperatingSystemMXBean) ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void printMachine() {
    Runtime rt = Runtime.getRuntime();
    System.out.printf(Locale.ROOT, "Machine: %d processors, max heap %d MB, Java %s (%s), %s %s%n",
        rt.availableProcessors(), rt.maxMemory() / (1024 * 1024),
        System.getProperty("java.version"), System.getProperty("java.vm.name"),
        System.getProperty("os.name"), System.getProperty("os.arch"));
  }

  private static List<TrainingExample> examples(List<LabelledText> messages) {
    return messages.stream().map(m -> new TrainingExample(m.intent(), m.text())).toList();
  }

  private static List<LabelledText> concat(List<LabelledText> a, List<LabelledText> b) {
    List<LabelledText> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static String cell(Metrics m) {
    return String.format(Locale.ROOT, "%.1f / %.1f", 100 * m.inScope(), 100 * m.oosRecall());
  }
}
