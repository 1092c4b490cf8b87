package org.helpline.eval;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.sun.management.OperatingSystemMXBean;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.helpline.config.HelplineSettings;
import org.helpline.content.Content;
import org.helpline.conversation.BotFactory;
import org.helpline.conversation.HelplineBot;
import org.helpline.dialog.NluThresholds;
import org.helpline.nlu.Classification;
import org.helpline.nlu.IntentClassifier;
import org.helpline.nlu.IntentScore;
import org.helpline.nlu.opennlp.OpenNlpSettings;

/**
 * A two-stage cascade on CLINC150 (benchmark only; {@code ./mvnw -q -B -Pencoder test-compile
 * -Dcascade.args="default"}, docs/benchmarks.md).
 *
 * <p>Stage one is the bot's OpenNLP classifier (a settings row as in {@link ClincBenchmark}).
 * When its top probability is at least {@code t1} it answers alone. Otherwise the query goes to
 * stage two: the all-MiniLM-L6-v2 sentence encoder (ONNX, in-process) and a softmax-regression
 * head trained on the encoded {@code train} split; the query is out of scope when the head's top
 * probability is below {@code t2}. Both thresholds are chosen on {@code val + oos_val} only, by
 * three criteria (the paper's; the best in-scope accuracy with oos recall of at least 50 %; the
 * fewest queries sent to stage two with in-scope accuracy of at least 93.5 % and oos recall of
 * at least 50 %, plus a margin); figures are on {@code test + oos_test}. Every reported operating
 * point is then timed on one calling thread. Encodings are cached under {@code target/bench/}.
 *
 * <p>The encoder runs on an ONNX Runtime session built here from the langchain4j jar's model
 * and tokenizer (the files {@code AllMiniLmL6V2EmbeddingModel} and
 * {@code AllMiniLmL6V2QuantizedEmbeddingModel} load), because only then can its thread counts
 * be set; by default one intra-op and one inter-op thread, so the timing is single-threaded.
 *
 * <p>Arguments: {@code [settings row] [intents] [--quantised] [--ort-threads N] [--margin P]
 * [--oos-train-in-val] [--epochs N] [--no-timing]}. {@code intents} also evaluates the bot's own content: stage one
 * built as the bot builds it, the head trained on the encoded {@code intents/} examples, and the
 * cascade at the thresholds chosen on CLINC validation, on the development set, its seeded typo
 * copy and the safety set. {@code --ort-threads 0} leaves the thread counts to ONNX Runtime;
 * {@code --margin} is in points on both validation constraints of the third criterion
 * (default 1). {@code --oos-train-in-val} adds {@code oos_train} to the queries the thresholds
 * are chosen on (200 out-of-scope queries instead of 100; neither stage trains on them, and
 * nothing from the test split is used).
 */
public final class EncoderCascadeBenchmark {

  private static final Path CACHE = Path.of("target/bench");
  private static final long SEED = 20261129L;
  private static final double IN_SCOPE_TARGET = 0.935;
  private static final double OOS_TARGET = 0.5;
  private static final int TIMED_PASSES = 2;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static double sink;

  private EncoderCascadeBenchmark() {
  }

  /** Runs the benchmark; see the class comment. */
  public static void main(String[] args) throws IOException {
    String row = "default";
    int epochs = 30;
    boolean quantised = false;
    boolean content = false;
    boolean timing = true;
    int ortThreads = 1;
    double margin = 0.01;
    boolean oosTrainInVal = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--epochs" -> epochs = Integer.parseInt(args[++i]);
        case "--quantised" -> quantised = true;
        case "--ort-threads" -> ortThreads = Integer.parseInt(args[++i]);
        case "--margin" -> margin = Double.parseDouble(args[++i]) / 100;
        case "--no-timing" -> timing = false;
        case "--oos-train-in-val" -> oosTrainInVal = true;
        case "intents" -> content = true;
        default -> {
          if (!args[i].isBlank()) {
            row = args[i];
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "Machine: %d processors, Java %s; load average %s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        loadAverage());
    ClincData data = ClincData.read(Path.of(ClincBenchmark.DEFAULT_DATA));
    List<LabelledText> val = concat(data.val(), data.oosVal());
    if (oosTrainInVal) {
      val = concat(val, data.oosTrain());
    }
    List<LabelledText> test = concat(data.test(), data.oosTest());

    long t0 = System.nanoTime();
    OpenNlpSettings settings = ClincBenchmark.settings(row);
    var cached = ClincBenchmark.cachedModel(settings, data.train());
    IntentClassifier first = cached.isPresent() ? cached.get()
        : ClincBenchmark.trainAndCache(settings, data.train());
    System.out.printf(Locale.ROOT, "stage 1 (%s) %s in %.1f s%n", row,
        cached.isPresent() ? "loaded from " + CACHE : "trained", secondsSince(t0));

    long heapBefore = usedHeap();
    long rssBefore = rss();
    t0 = System.nanoTime();
    Encoder encoder = new Encoder(quantised, ortThreads);
    encoder.vector("warm up");
    double loadSeconds = secondsSince(t0);
    System.out.printf(Locale.ROOT, "encoder %s (ONNX Runtime threads: %s) loaded in %.1f s;"
        + " heap +%d MB, resident +%d MB%n", encoder.name(),
        ortThreads > 0 ? ortThreads + " intra-op, " + ortThreads + " inter-op" : "its default",
        loadSeconds, (usedHeap() - heapBefore) >> 20, (rss() - rssBefore) >> 20);

    sameAsLangchain4j(encoder, quantised, data.test().subList(0, 20));

    float[][] trainX = encode(encoder, data.train(), "train");
    float[][] valX = encode(encoder, val, "val");
    float[][] testX = encode(encoder, test, "test");

    List<String> intents = data.train().stream().map(LabelledText::intent).distinct().sorted()
        .toList();
    Head head = trainHead(trainX, data.train(), intents, epochs);

    Scored[] onVal = score(first, head, intents, val, valX);
    Scored[] onTest = score(first, head, intents, test, testX);
    List<Point> points = new ArrayList<>();
    points.addAll(choose("stage 2 alone", onVal, List.of(2.0), 0));
    points.addAll(choose("cascade", onVal, grid(30), margin));
    System.out.printf(Locale.ROOT, "%n%-74s %-11s | %-13s | %-28s%n", "operating point (chosen"
        + " on val + oos_val)", "t1 / t2", "val in / oos", "test in-scope / oos recall / to 2");
    for (Point p : points) {
      Result v = Result.of(onVal, p.t1(), p.t2());
      Result r = Result.of(onTest, p.t1(), p.t2());
      System.out.printf(Locale.ROOT, "%-74s %4.2f / %4.2f | %5s / %5s | %5s%% / %5s%% /"
          + " %5s%%%n", p.name(), p.t1(), p.t2(), down(v.inScope()), down(v.oosRecall()),
          down(r.inScope()), down(r.oosRecall()), up(r.toStageTwo()));
    }

    if (timing) {
      System.out.println();
      timeWarmUp(first, encoder, head, intents, test);
      for (Point p : points) {
        time(p, new Cascade(first, encoder, head, intents, p.t1(), p.t2(), ClincData.OOS), test,
            Result.of(onTest, p.t1(), p.t2()));
      }
    }
    if (content) {
      content(encoder, epochs, points.stream().filter(p -> p.name().startsWith("cascade"))
          .toList());
    }
  }

  /** One query's stage-1 and stage-2 answers. */
  record Scored(String expected, String top1, double p1, String top2, double p2) {
  }

  /** In-scope accuracy, oos recall and the share of queries sent to stage two. */
  record Result(double inScope, double oosRecall, double toStageTwo, double accuracy) {

    static Result of(Scored[] scored, double t1, double t2) {
      int in = 0;
      int right = 0;
      int oos = 0;
      int caught = 0;
      int second = 0;
      for (Scored s : scored) {
        String answer;
        if (s.p1() >= t1) {
          answer = s.top1();
        } else {
          second++;
          answer = s.p2() >= t2 ? s.top2() : ClincData.OOS;
        }
        if (ClincData.OOS.equals(s.expected())) {
          oos++;
          caught += ClincData.OOS.equals(answer) ? 1 : 0;
        } else {
          in++;
          right += s.expected().equals(answer) ? 1 : 0;
        }
      }
      return new Result((double) right / in, (double) caught / oos,
          (double) second / scored.length, (double) (right + caught) / (in + oos));
    }
  }

  /** Thresholds chosen on validation by a named criterion. */
  record Point(String name, double t1, double t2) {
  }

  /** Values of t1 from {@code from}/100 to 1.00 in steps of 0.01. */
  private static List<Double> grid(int from) {
    List<Double> out = new ArrayList<>();
    for (int t = from; t <= 100; t++) {
      out.add(t / 100.0);
    }
    return out;
  }

  /**
   * The operating points of the three criteria on validation (the first, lowest setting wins
   * ties). The paper's: the best accuracy with oos as a class. The constrained: the best in-scope
   * accuracy with oos recall of at least 50 %. The cheapest (only when t1 varies, searched from
   * t1 = 0): the smallest share sent to stage two with in-scope accuracy at least 93.5 % and oos
   * recall at least 50 %, each plus {@code margin}; ties go to the better accuracy.
   */
  private static List<Point> choose(String name, Scored[] val, List<Double> t1s, double margin) {
    double[] paper = {-1, 0, 0};
    double[] constrained = {-1, 0, 0};
    for (double t1 : t1s) {
      for (int t = 0; t < 100; t++) {
        double t2 = t / 100.0;
        Result r = Result.of(val, t1, t2);
        if (r.accuracy() > paper[0] + 1e-12) {
          paper = new double[] {r.accuracy(), t1, t2};
        }
        if (r.oosRecall() >= OOS_TARGET && r.inScope() > constrained[0] + 1e-12) {
          constrained = new double[] {r.inScope(), t1, t2};
        }
      }
    }
    List<Point> out = new ArrayList<>(List.of(
        new Point(name + ", paper criterion (val accuracy)", paper[1], paper[2]),
        new Point(name + ", best val in-scope with val oos recall >= 50%", constrained[1],
            constrained[2])));
    if (t1s.size() > 1) {
      double[] cheapest = {2, -1, 0, 0};
      for (double t1 : grid(0)) {
        for (int t = 0; t < 100; t++) {
          double t2 = t / 100.0;
          Result r = Result.of(val, t1, t2);
          boolean meets = r.inScope() >= IN_SCOPE_TARGET + margin - 1e-12
              && r.oosRecall() >= OOS_TARGET + margin - 1e-12;
          if (meets && (r.toStageTwo() < cheapest[0] - 1e-12
              || Math.abs(r.toStageTwo() - cheapest[0]) < 1e-12 && r.accuracy() > cheapest[1])) {
            cheapest = new double[] {r.toStageTwo(), r.accuracy(), t1, t2};
          }
        }
      }
      if (cheapest[1] >= 0) {
        out.add(new Point(String.format(Locale.ROOT, "%s, fewest to stage 2 with val in-scope"
            + " >= %.1f%% and oos >= %.1f%%", name, 100 * (IN_SCOPE_TARGET + margin),
            100 * (OOS_TARGET + margin)), cheapest[2], cheapest[3]));
      } else {
        System.out.println("no operating point meets the third criterion on validation");
      }
    }
    return out;
  }

  private static Scored[] score(IntentClassifier first, Head head, List<String> intents,
      List<LabelledText> messages, float[][] x) {
    Scored[] out = new Scored[messages.size()];
    for (int i = 0; i < out.length; i++) {
      Classification c = first.classify(messages.get(i).text());
      double[] p = head.probabilities(x[i]);
      int best = argmax(p);
      out[i] = new Scored(messages.get(i).intent(), c.ranking().isEmpty() ? ClincData.OOS
          : c.top().intent(), c.top().confidence(), intents.get(best), p[best]);
    }
    return out;
  }

  private static Head trainHead(float[][] x, List<LabelledText> train, List<String> intents,
      int epochs) {
    Map<String, Integer> index = new HashMap<>();
    intents.forEach(intent -> index.put(intent, index.size()));
    long t0 = System.nanoTime();
    Head head = Head.train(x, train.stream().mapToInt(m -> index.get(m.intent())).toArray(),
        intents.size(), epochs);
    System.out.printf(Locale.ROOT, "head: softmax regression over %d intents, %d examples,"
        + " %d epochs, trained in %.1f s%n", intents.size(), x.length, epochs,
        secondsSince(t0));
    return head;
  }

  /**
   * The cascade as one classifier: stage one's classification when its top probability is at
   * least {@code t1}; otherwise the head's ranking of the encoded raw text, or an empty ranking
   * (out of scope; the bot falls back) when the head's top probability is below {@code t2}.
   */
  record Cascade(IntentClassifier first, Encoder encoder, Head head, List<String> intents,
      double t1, double t2, String outOfScope) implements IntentClassifier {

    /** What the cascade did with one message. */
    record Decision(Classification answer, String top1, boolean second) {

      /** The intent answered, or the out-of-scope label when rejected. */
      String intent(String outOfScope) {
        return answer.ranking().isEmpty() ? outOfScope : answer.top().intent();
      }
    }

    Decision decide(String text) {
      Classification c = first.classify(text);
      if (c.top().confidence() >= t1) {
        return new Decision(c, c.ranking().isEmpty() ? outOfScope : c.top().intent(), false);
      }
      double[] p = head.probabilities(encoder.vector(text));
      int best = argmax(p);
      if (p[best] < t2) {
        return new Decision(new Classification(c.text(), List.of()), intents.get(best), true);
      }
      List<IntentScore> ranking = new ArrayList<>(p.length);
      for (int i = 0; i < p.length; i++) {
        ranking.add(new IntentScore(intents.get(i), p[i]));
      }
      ranking.sort((a, b) -> Double.compare(b.confidence(), a.confidence()));
      return new Decision(new Classification(c.text(), ranking), intents.get(best), true);
    }

    @Override
    public Classification classify(String text) {
      return decide(text).answer();
    }
  }

  /**
   * Checks that the session built here gives the vectors of langchain4j's own model class
   * (which uses ONNX Runtime's default threads) on a few queries; prints the largest difference.
   */
  private static void sameAsLangchain4j(Encoder encoder, boolean quantised,
      List<LabelledText> queries) {
    AbstractInProcessEmbeddingModel reference = quantised
        ? new AllMiniLmL6V2QuantizedEmbeddingModel()
        : new AllMiniLmL6V2EmbeddingModel();
    double largest = 0;
    for (LabelledText q : queries) {
      float[] a = encoder.vector(q.text());
      float[] b = reference.embed(q.text()).content().vector();
      for (int d = 0; d < a.length; d++) {
        largest = Math.max(largest, Math.abs(a[d] - b[d]));
      }
    }
    System.out.printf(Locale.ROOT, "same vectors as langchain4j's %s on %d queries: largest"
        + " difference %.2e%n", reference.getClass().getSimpleName(), queries.size(), largest);
  }

  /** Runs a slice of the test set through stage two so that timed passes start warm. */
  private static void timeWarmUp(IntentClassifier first, Encoder encoder, Head head,
      List<String> intents, List<LabelledText> test) {
    long start = System.nanoTime();
    Cascade all = new Cascade(first, encoder, head, intents, 2.0, 0, ClincData.OOS);
    List<LabelledText> slice = test.subList(0, Math.min(1000, test.size()));
    for (LabelledText m : slice) {
      sink += all.decide(m.text()).answer().top().confidence();
    }
    System.out.printf(Locale.ROOT, "warm-up: %d queries through both stages in %.1f s%n",
        slice.size(), secondsSince(start));
  }

  /**
   * The whole cascade at one operating point on one calling thread over the test queries: wall
   * time, process CPU time (every thread of the JVM and of ONNX Runtime), the calling thread's
   * CPU time, per-query latency and the share sent to stage two. The answers are checked
   * against the figures reported for the point.
   */
  private static void time(Point point, Cascade cascade, List<LabelledText> test,
      Result expected) {
    var os = (OperatingSystemMXBean) ManagementFactory
        .getOperatingSystemMXBean();
    for (int pass = 1; pass <= TIMED_PASSES; pass++) {
      String load = loadAverage();
      long[] latencies = new long[test.size()];
      int second = 0;
      int in = 0;
      int right = 0;
      int oos = 0;
      int caught = 0;
      long cpu = os.getProcessCpuTime();
      long thread = THREADS.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      for (int i = 0; i < latencies.length; i++) {
        LabelledText m = test.get(i);
        long q0 = System.nanoTime();
        Cascade.Decision d = cascade.decide(m.text());
        latencies[i] = System.nanoTime() - q0;
        second += d.second() ? 1 : 0;
        String answer = d.intent(ClincData.OOS);
        if (ClincData.OOS.equals(m.intent())) {
          oos++;
          caught += ClincData.OOS.equals(answer) ? 1 : 0;
        } else {
          in++;
          right += m.intent().equals(answer) ? 1 : 0;
        }
      }
      double wall = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
      double threadSeconds = (THREADS.getCurrentThreadCpuTime() - thread) / 1e9;
      Arrays.sort(latencies);
      double inScope = (double) right / in;
      double recall = (double) caught / oos;
      System.out.printf(Locale.ROOT, "timing %s (t1 %.2f t2 %.2f), pass %d, load average"
          + " before %s: %d queries, %s%% to stage 2; %.0f queries/s wall, %.0f per process"
          + " CPU-second, %.0f per CPU-second of the calling thread; p50 %.0f us, p99 %.0f us;"
          + " in-scope %s%%, oos recall %s%%%s%n", point.name(), point.t1(), point.t2(),
          pass, load, test.size(), up((double) second / test.size()),
          Math.floor(test.size() / wall), Math.floor(test.size() / cpuSeconds),
          Math.floor(test.size() / threadSeconds),
          Math.ceil(latencies[latencies.length / 2] / 1e3),
          Math.ceil(latencies[(int) Math.ceil(0.99 * latencies.length) - 1] / 1e3),
          down(inScope), down(recall), Math.abs(inScope - expected.inScope()) < 1e-9
              && Math.abs(recall - expected.oosRecall()) < 1e-9 ? " (as reported)"
              : " (DIFFERS from the reported figures)");
    }
  }

  /**
   * The bot's own content: stage one built as the server builds it
   * ({@link HelplineSettings#botFactory()}: the settings of {@code application.properties}),
   * the head trained on the encoded {@code intents/} examples, and the cascade at thresholds
   * chosen on CLINC validation (never on the development set). Reports the development set, its
   * seeded typo copy and the safety set.
   */
  private static void content(Encoder encoder, int epochs, List<Point> points) {
    System.out.println();
    BotFactory factory = HelplineSettings.botFactory();
    NluThresholds thresholds = factory.thresholds();
    long t0 = System.nanoTime();
    HelplineBot bot = factory.build(EvaluationCommand.PROJECT);
    System.out.printf(Locale.ROOT, "bot content %s: %d intents, %d examples; stage 1 %s in %.1f"
        + " s; thresholds min-confidence %.2f, min-margin %.2f%n", bot.content().version(),
        bot.content().intents().size(), bot.content().examples().size(), bot.modelSource(),
        secondsSince(t0), thresholds.minConfidence(), thresholds.minMargin());
    List<LabelledText> train = bot.content().examples().stream()
        .map(e -> new LabelledText(e.intent(), e.text())).toList();
    List<String> intents = train.stream().map(LabelledText::intent).distinct().sorted().toList();
    Head head = trainHead(encode(encoder, train, "intents-train"), train, intents, epochs);
    Map<String, HelplineBot> bots = new LinkedHashMap<>();
    bots.put(String.format(Locale.ROOT, "stage 1 alone (min-confidence %.2f, min-margin %.2f)",
        thresholds.minConfidence(), thresholds.minMargin()), bot);
    for (Point p : points) {
      Cascade cascade = new Cascade(bot.classifier(), encoder, head, intents, p.t1(), p.t2(),
          Content.OUT_OF_SCOPE);
      bots.put(String.format(Locale.ROOT, "%s (t1 %.2f t2 %.2f from CLINC)", p.name(), p.t1(),
          p.t2()), new HelplineBot(bot.content(), bot.screen(), cascade, bot.engine(),
          bot.trainingTime(), bot.modelPackaged(), bot.redactor()));
    }
    List<LabelledText> development = LabelledFolder.read(EvaluationCommand.DEVELOPMENT);
    Map<String, List<LabelledText>> sets = new LinkedHashMap<>();
    sets.put("development", development);
    sets.put("development, 1-2 seeded typos per message", Typos.of(development));
    for (Map.Entry<String, List<LabelledText>> set : sets.entrySet()) {
      System.out.printf(Locale.ROOT, "%n%s (%d messages); direct: the classifier's own"
          + " rejection, no clarify step; engine: the bot's dialog engine and thresholds"
          + " (clarify step included), as EvaluationCommand reports%n", set.getKey(),
          set.getValue().size());
      System.out.printf(Locale.ROOT, "%-100s | %5s | %-23s | %-23s | %s%n", "", "top-1",
          "direct right/wrong/rej", "engine right/wrong/rej", "to stage 2");
      bots.forEach((name, b) -> contentRow(name, b, set.getValue(), thresholds));
    }
    bots.forEach((name, b) -> {
      System.out.println();
      System.out.println("Safety set, " + name + ":");
      EvaluationCommand.safety(b);
    });
  }

  /** One configuration on one set of messages: top-1, direct and engine figures. */
  private static void contentRow(String name, HelplineBot bot, List<LabelledText> messages,
      NluThresholds thresholds) {
    int in = 0;
    int top1 = 0;
    int right = 0;
    int wrong = 0;
    int oos = 0;
    int rejected = 0;
    int second = 0;
    for (LabelledText m : messages) {
      String top;
      boolean reject;
      if (bot.classifier() instanceof Cascade cascade) {
        Cascade.Decision d = cascade.decide(m.text());
        top = d.top1();
        second += d.second() ? 1 : 0;
        reject = Content.OUT_OF_SCOPE.equals(d.intent(Content.OUT_OF_SCOPE));
      } else {
        Classification c = bot.classifier().classify(m.text());
        top = c.top().intent();
        reject = ClincBenchmark.rejects(c, thresholds);
      }
      if (Content.OUT_OF_SCOPE.equals(m.intent())) {
        oos++;
        rejected += reject ? 1 : 0;
      } else {
        in++;
        top1 += m.intent().equals(top) ? 1 : 0;
        right += !reject && m.intent().equals(top) ? 1 : 0;
        wrong += !reject && !m.intent().equals(top) ? 1 : 0;
      }
    }
    Evaluator.Report r = Evaluator.report(Evaluator.run(bot, messages));
    System.out.printf(Locale.ROOT, "%-100s | %5s | %5s / %5s / %5s | %5s / %5s / %5s | %s%n",
        name, down((double) top1 / in), down((double) right / in), up((double) wrong / in),
        down((double) rejected / oos), down(r.answeredCorrectly()), up(r.answeredWrongly()),
        down(r.outOfScopeRejection()), bot.classifier() instanceof Cascade
            ? up((double) second / messages.size()) + "%" : "-");
  }

  /**
   * all-MiniLM-L6-v2 (or its 8-bit quantised copy) from the langchain4j jar, on an ONNX Runtime
   * session whose thread counts are set here ({@code threads} 0: ONNX Runtime's default, one
   * intra-op thread per core). Embeds on the calling thread.
   */
  static final class Encoder extends AbstractInProcessEmbeddingModel {

    private final String name;
    private final OnnxBertBiEncoder model;

    Encoder(boolean quantised, int threads) {
      super(Runnable::run);
      name = quantised ? "all-minilm-l6-v2-q" : "all-minilm-l6-v2";
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      try (InputStream onnx = loader.getResourceAsStream(name + ".onnx");
          InputStream tokenizer = loader.getResourceAsStream(name + "-tokenizer.json")) {
        if (onnx == null || tokenizer == null) {
          throw new IllegalStateException(name + " is not on the class path (-Pencoder)");
        }
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        if (threads > 0) {
          options.setIntraOpNumThreads(threads);
          options.setInterOpNumThreads(threads);
        }
        model = new OnnxBertBiEncoder(environment,
            environment.createSession(onnx.readAllBytes(), options), tokenizer,
            PoolingMode.MEAN);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (OrtException e) {
        throw new IllegalStateException(e);
      }
    }

    String name() {
      return name;
    }

    float[] vector(String text) {
      return embed(text).content().vector();
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return model;
    }

    @Override
    protected Integer knownDimension() {
      return 384;
    }
  }

  /** Softmax regression on normalised embeddings, trained by SGD with a fixed seed. */
  record Head(double[][] w, double[] b) {

    static Head train(float[][] x, int[] y, int classes, int epochs) {
      int dim = x[0].length;
      double[][] w = new double[classes][dim];
      double[] b = new double[classes];
      int[] order = new int[x.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Random random = new Random(SEED);
      Head head = new Head(w, b);
      for (int epoch = 0; epoch < epochs; epoch++) {
        double rate = 0.5 / (1 + epoch * 0.1);
        for (int i = order.length - 1; i > 0; i--) {
          int j = random.nextInt(i + 1);
          int t = order[i];
          order[i] = order[j];
          order[j] = t;
        }
        for (int i : order) {
          double[] p = head.probabilities(x[i]);
          for (int c = 0; c < classes; c++) {
            double g = p[c] - (c == y[i] ? 1 : 0);
            if (Math.abs(g) < 1e-6) {
              continue;
            }
            double[] wc = w[c];
            for (int d = 0; d < dim; d++) {
              wc[d] -= rate * g * x[i][d];
            }
            b[c] -= rate * g;
          }
        }
      }
      return head;
    }

    double[] probabilities(float[] v) {
      double[] z = new double[b.length];
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < z.length; c++) {
        double s = b[c];
        double[] wc = w[c];
        for (int d = 0; d < wc.length; d++) {
          s += wc[d] * v[d];
        }
        z[c] = s * SCALE;
        max = Math.max(max, z[c]);
      }
      double sum = 0;
      for (int c = 0; c < z.length; c++) {
        z[c] = Math.exp(z[c] - max);
        sum += z[c];
      }
      for (int c = 0; c < z.length; c++) {
        z[c] /= sum;
      }
      return z;
    }
  }

  /** Logits are scaled up because unit-length inputs give small dot products. */
  private static final double SCALE = 1.0;

  /**
   * The encodings of the messages, from {@code target/bench/} when an earlier run saved them;
   * the file name holds the encoder and a hash of the texts.
   */
  private static float[][] encode(Encoder encoder, List<LabelledText> texts, String name) {
    int hash = texts.stream().map(LabelledText::text).toList().hashCode();
    Path file = CACHE.resolve(String.format(Locale.ROOT, "%s-%s-%08x.bin", encoder.name(), name,
        hash));
    try {
      if (Files.exists(file)) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
            Files.newInputStream(file)))) {
          int n = in.readInt();
          int dim = in.readInt();
          if (n == texts.size()) {
            float[][] out = new float[n][dim];
            for (float[] row : out) {
              for (int d = 0; d < dim; d++) {
                row[d] = in.readFloat();
              }
            }
            return out;
          }
        }
      }
      long start = System.nanoTime();
      float[][] out = new float[texts.size()][];
      for (int i = 0; i < out.length; i++) {
        out[i] = encoder.vector(texts.get(i).text());
      }
      System.out.printf(Locale.ROOT, "encoded %s (%d queries) in %.1f s%n", name, out.length,
          secondsSince(start));
      Files.createDirectories(CACHE);
      try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(
          Files.newOutputStream(file)))) {
        o.writeInt(out.length);
        o.writeInt(out[0].length);
        for (float[] row : out) {
          for (float f : row) {
            o.writeFloat(f);
          }
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int argmax(double[] p) {
    int best = 0;
    for (int i = 1; i < p.length; i++) {
      if (p[i] > p[best]) {
        best = i;
      }
    }
    return best;
  }

  private static long usedHeap() {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  private static long rss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return 0;
  }

  /** Seconds since a {@link System#nanoTime()} reading, rounded up to a tenth. */
  private static double secondsSince(long start) {
    return Math.ceil((System.nanoTime() - start) / 1e8) / 10;
  }

  /** A share as a percentage with one decimal, rounded down (for figures where more is better). */
  private static String down(double share) {
    return String.format(Locale.ROOT, "%.1f", Math.floor(share * 1000 + 1e-9) / 10);
  }

  /** A share as a percentage with one decimal, rounded up (for figures where less is better). */
  private static String up(double share) {
    return String.format(Locale.ROOT, "%.1f", Math.ceil(share * 1000 - 1e-9) / 10);
  }

  /** The first three fields of {@code /proc/loadavg} (1, 5 and 15 minutes). */
  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static List<LabelledText> concat(List<LabelledText> a, List<LabelledText> b) {
    List<LabelledText> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
