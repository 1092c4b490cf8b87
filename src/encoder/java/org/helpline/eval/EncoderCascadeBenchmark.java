package org.helpline.eval;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.helpline.nlu.Classification;
import org.helpline.nlu.IntentClassifier;
import org.helpline.nlu.TextNormaliser;
import org.helpline.nlu.TrainingExample;
import org.helpline.nlu.opennlp.IntentModelTrainer;

/**
 * A two-stage cascade on CLINC150 (benchmark only; {@code ./mvnw -q -B -Pbench,encoder
 * test-compile -Dbench.main=org.helpline.eval.EncoderCascadeBenchmark}, docs/benchmarks.md).
 *
 * <p>Stage one is the bot's OpenNLP classifier (a settings row as in {@link ClincBenchmark}).
 * When its top probability is at least {@code t1} it answers alone. Otherwise the query goes to
 * stage two: the all-MiniLM-L6-v2 sentence encoder (ONNX, in-process) and a softmax-regression
 * head trained on the encoded {@code train} split; the query is out of scope when the head's top
 * probability is below {@code t2}. Both thresholds are chosen on {@code val + oos_val} only;
 * figures are on {@code test + oos_test}. Encodings are cached under {@code target/bench/}.
 *
 * <p>Arguments: {@code [settings row] [--epochs N]}.
 */
public final class EncoderCascadeBenchmark {

  private static final Path CACHE = Path.of("target/bench");
  private static final long SEED = 20261129L;
  private static double sink;

  private EncoderCascadeBenchmark() {
  }

  /** Runs the benchmark; see the class comment. */
  public static void main(String[] args) throws IOException {
    String row = "default";
    int epochs = 30;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--epochs")) {
        epochs = Integer.parseInt(args[++i]);
      } else if (!args[i].isBlank()) {
        row = args[i];
      }
    }
    ClincData data = ClincData.read(Path.of(ClincBenchmark.DEFAULT_DATA));
    List<LabelledText> val = concat(data.val(), data.oosVal());
    List<LabelledText> test = concat(data.test(), data.oosTest());

    long t0 = System.nanoTime();
    IntentClassifier first = new IntentModelTrainer(ClincBenchmark.settings(row))
        .train(data.train().stream().map(m -> new TrainingExample(m.intent(), m.text()))
            .toList(), TextNormaliser.plain());
    System.out.printf(Locale.ROOT, "stage 1 (%s) trained in %.1f s%n", row,
        (System.nanoTime() - t0) / 1e9);

    long heapBefore = usedHeap();
    long rssBefore = rss();
    t0 = System.nanoTime();
    AllMiniLmL6V2EmbeddingModel encoder = new AllMiniLmL6V2EmbeddingModel();
    encoder.embed("warm up").content();
    double loadSeconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "encoder loaded in %.2f s; heap +%d MB, resident +%d MB%n",
        loadSeconds, (usedHeap() - heapBefore) >> 20, (rss() - rssBefore) >> 20);

    float[][] trainX = encode(encoder, data.train(), "train");
    float[][] valX = encode(encoder, val, "val");
    float[][] testX = encode(encoder, test, "test");

    List<String> intents = data.train().stream().map(LabelledText::intent).distinct().sorted()
        .toList();
    Map<String, Integer> index = new HashMap<>();
    intents.forEach(intent -> index.put(intent, index.size()));
    t0 = System.nanoTime();
    Head head = Head.train(trainX, data.train().stream().mapToInt(m -> index.get(m.intent()))
        .toArray(), intents.size(), epochs);
    System.out.printf(Locale.ROOT, "head: softmax regression, %d epochs, trained in %.1f s%n",
        epochs, (System.nanoTime() - t0) / 1e9);

    Scored[] onVal = score(first, head, intents, val, valX);
    Scored[] onTest = score(first, head, intents, test, testX);
    report("stage 2 only (every query encoded)", onVal, onTest, List.of(2.0));
    report("cascade", onVal, onTest, null);

    timing(first, encoder, head, intents, test, onVal);
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

  private static void report(String name, Scored[] val, Scored[] test, List<Double> fixedT1) {
    List<Double> t1s = new ArrayList<>();
    if (fixedT1 != null) {
      t1s.addAll(fixedT1);
    } else {
      for (int t = 30; t <= 100; t++) {
        t1s.add(t / 100.0);
      }
    }
    double[] paper = {-1, 0, 0};
    double[] constrained = {-1, 0, 0};
    for (double t1 : t1s) {
      for (int t = 0; t < 100; t++) {
        double t2 = t / 100.0;
        Result r = Result.of(val, t1, t2);
        if (r.accuracy() > paper[0] + 1e-12) {
          paper = new double[] {r.accuracy(), t1, t2};
        }
        if (r.oosRecall() >= 0.5 && r.inScope() > constrained[0] + 1e-12) {
          constrained = new double[] {r.inScope(), t1, t2};
        }
      }
    }
    for (double[] pick : List.of(paper, constrained)) {
      Result v = Result.of(val, pick[1], pick[2]);
      Result r = Result.of(test, pick[1], pick[2]);
      System.out.printf(Locale.ROOT, "%s, %s: t1 %.2f t2 %.2f | val %.1f / %.1f | test in-scope"
          + " %.1f%%, oos recall %.1f%%, to stage 2 %.1f%%%n", name,
          pick == paper ? "paper criterion (val accuracy)" : "best val in-scope with val oos"
          + " recall >= 50%", pick[1], pick[2], 100 * v.inScope(), 100 * v.oosRecall(),
          100 * r.inScope(), 100 * r.oosRecall(), 100 * r.toStageTwo());
    }
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

  /**
   * The whole cascade on one calling thread over the test queries, stage two only below the
   * validation-chosen t1 of the constrained point; wall time and process CPU time (the ONNX
   * runtime may use threads of its own).
   */
  private static void timing(IntentClassifier first, AllMiniLmL6V2EmbeddingModel encoder,
      Head head, List<String> intents, List<LabelledText> test, Scored[] onVal) {
    double t1 = 0;
    double best = -1;
    for (int t = 30; t <= 100; t++) {
      for (int u = 0; u < 100; u++) {
        Result r = Result.of(onVal, t / 100.0, u / 100.0);
        if (r.oosRecall() >= 0.5 && r.inScope() > best + 1e-12) {
          best = r.inScope();
          t1 = t / 100.0;
        }
      }
    }
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
        .getOperatingSystemMXBean();
    for (int pass = 0; pass < 2; pass++) {
      long cpu = os.getProcessCpuTime();
      long start = System.nanoTime();
      int second = 0;
      for (LabelledText m : test) {
        Classification c = first.classify(m.text());
        if (c.top().confidence() < t1) {
          second++;
          double[] p = head.probabilities(encoder.embed(m.text()).content().vector());
          sink += p[argmax(p)];
        } else {
          sink += c.top().confidence();
        }
      }
      double wall = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
      System.out.printf(Locale.ROOT, "cascade timing pass %d (t1 %.2f): %d queries, %d to stage"
          + " 2, %.0f queries/s wall, %.0f queries per process CPU-second (checksum %.1f)%n",
          pass + 1, t1, test.size(), second, test.size() / wall, test.size() / cpuSeconds, sink);
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

  private static float[][] encode(AllMiniLmL6V2EmbeddingModel encoder, List<LabelledText> texts,
      String name) {
    Path file = CACHE.resolve("minilm-" + name + ".bin");
    try {
      if (Files.exists(file)) {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(
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
        out[i] = encoder.embed(texts.get(i).text()).content().vector();
      }
      System.out.printf(Locale.ROOT, "encoded %s (%d queries) in %.1f s%n", name, out.length,
          (System.nanoTime() - start) / 1e9);
      Files.createDirectories(CACHE);
      try (DataOutputStream o = new DataOutputStream(new java.io.BufferedOutputStream(
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

  private static List<LabelledText> concat(List<LabelledText> a, List<LabelledText> b) {
    List<LabelledText> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
