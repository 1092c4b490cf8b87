package org.helpline.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.helpline.eval.ClincBenchmark;
import org.helpline.eval.ClincData;
import org.helpline.eval.LabelledText;
import org.helpline.nlu.Classification;
import org.helpline.nlu.IntentClassifier;
import org.helpline.nlu.opennlp.OpenNlpSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** JMH: single-thread classification by the real pipeline trained on CLINC150 (docs/benchmarks.md). */
@State(Scope.Thread)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ClassifierBenchmark {

  /** CLINC150 file, relative to the project directory or absolute. */
  @Param({"../shared/benchmarks/clinc150/data_full.json"})
  public String data;

  /** A settings row as in {@code ClincBenchmark}: {@code default} or changes such as {@code bigrams=true}. */
  @Param({"default"})
  public String settings;

  private IntentClassifier classifier;
  private String[] queries;
  private int next;

  /**
   * Trains on {@code train} once per fork, or loads the model an earlier benchmark run saved for
   * these settings (the same model); the queries are {@code test + oos_test}, in order.
   */
  @Setup(Level.Trial)
  public void setUp() {
    ClincData clinc = ClincData.read(Path.of(data));
    OpenNlpSettings row = ClincBenchmark.settings(settings);
    classifier = ClincBenchmark.cachedModel(row, clinc.train())
        .orElseGet(() -> ClincBenchmark.trainAndCache(row, clinc.train()));
    List<LabelledText> test = new ArrayList<>(clinc.test());
    test.addAll(clinc.oosTest());
    queries = test.stream().map(LabelledText::text).toArray(String[]::new);
  }

  /** One query, the next in turn: normalise, extract features, evaluate and rank. */
  @Benchmark
  public Classification classify() {
    String query = queries[next];
    next = next + 1 == queries.length ? 0 : next + 1;
    return classifier.classify(query);
  }
}
