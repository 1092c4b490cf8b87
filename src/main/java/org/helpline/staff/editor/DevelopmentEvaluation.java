package org.helpline.staff.editor;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.helpline.conversation.BotHolder;
import org.helpline.conversation.HelplineBot;
import org.helpline.eval.Evaluator;
import org.helpline.eval.LabelledText;
import org.helpline.storage.DaemonThreads;
import org.jboss.logging.Logger;

/**
 * Evaluates the running bot on the development set on its own thread, after start-up and after
 * each reload, and keeps the result per content version: a request never trains or
 * evaluates, it only reads (or briefly waits for) the result.
 */
public final class DevelopmentEvaluation implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(DevelopmentEvaluation.class);

  private final BotHolder bots;
  private final Optional<List<LabelledText>> development;
  private final Clock clock;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> DaemonThreads.named(r, "development-evaluation"));
  private final Map<String, CompletableFuture<EvaluationReport>> runs = new ConcurrentHashMap<>();
  private volatile EvaluationReport latest;

  /**
   * @param development the development messages, or empty when the build has none
   */
  public DevelopmentEvaluation(BotHolder bots, Optional<List<LabelledText>> development,
      Clock clock) {
    this.bots = bots;
    this.development = development;
    this.clock = clock;
  }

  /** Whether this build carries a development set. */
  public boolean available() {
    return development.isPresent();
  }

  /** Starts evaluating a bot, unless its content version is evaluated or being evaluated. */
  public synchronized Optional<CompletableFuture<EvaluationReport>> submit(HelplineBot bot) {
    if (development.isEmpty()) {
      return Optional.empty();
    }
    String version = bot.content().version();
    CompletableFuture<EvaluationReport> run = runs.get(version);
    if (run != null && !run.isCompletedExceptionally()) {
      return Optional.of(run);
    }
    // Only the versions still running or the current one are worth keeping.
    runs.entrySet().removeIf(e -> e.getValue().isDone());
    run = CompletableFuture.supplyAsync(() -> evaluate(bot), executor);
    runs.put(version, run);
    return Optional.of(run);
  }

  private EvaluationReport evaluate(HelplineBot bot) {
    long start = System.nanoTime();
    Evaluator.Report report = Evaluator.report(Evaluator.run(bot, development.orElseThrow()));
    EvaluationReport result = EvaluationReport.of(bot.content().version(), clock.instant(),
        report);
    latest = result;
    LOG.infof("development evaluation of content %s: %d messages, accuracy %.3f, out-of-scope"
        + " rejection %.3f, in %d ms", result.contentVersion(), report.inScope()
        + report.outOfScope(), result.accuracy(), result.outOfScopeRejection(),
        (System.nanoTime() - start) / 1_000_000);
    return result;
  }

  /**
   * The evaluation of the running content, waiting up to {@code wait} for it to finish;
   * when it is still running after that, the previous version's evaluation.
   *
   * @throws NoDevelopmentSetException when the build has no development set
   * @throws EvaluationPendingException when no evaluation has finished yet
   */
  public EvaluationReport latest(Duration wait) {
    if (development.isEmpty()) {
      throw new NoDevelopmentSetException("this build has no development set, so the"
          + " model cannot be evaluated: build it from the project (./mvnw package), which"
          + " packages src/test/resources/development into the application");
    }
    HelplineBot bot = bots.current().orElseThrow(() -> new EvaluationPendingException(
        "the bot is still starting; try again in a few seconds"));
    CompletableFuture<EvaluationReport> run = submit(bot).orElseThrow();
    try {
      return run.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      EvaluationReport previous = latest;
      if (previous != null) {
        return previous;
      }
      throw new EvaluationPendingException("the evaluation of the running content is still"
          + " going; try again in a few seconds");
    } catch (ExecutionException e) {
      throw new IllegalStateException("the development evaluation failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EvaluationPendingException("interrupted while waiting for the evaluation");
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
