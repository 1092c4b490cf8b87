package org.helpline.staff.content;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.helpline.content.ContentDraft;
import org.helpline.content.ContentVersionStore;
import org.helpline.content.UnknownContentException;
import org.helpline.conversation.BotHolder;
import org.helpline.conversation.HelplineBot;
import org.helpline.eval.Comparison;
import org.helpline.eval.EvaluationSets;
import org.helpline.staff.editor.EvaluationPendingException;
import org.helpline.storage.DaemonThreads;

/**
 * The evaluation of a draft beside the published version (eval/Comparison), run on a thread
 * of its own and kept per draft revision and live content: the console shows it while the
 * draft is tried, and a submit reads it to refuse a draft that lowers safety recall. A request
 * waits a little for it and otherwise is told to ask again.
 */
public final class DraftEvaluations implements AutoCloseable {

  /** Evaluations kept; each is a small report. */
  private static final int KEPT = 8;

  private final DraftBots drafts;
  private final BotHolder live;
  private final ContentVersionStore store;
  private final EvaluationSets sets;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> DaemonThreads.named(r, "draft-evaluation"));
  private final Map<String, CompletableFuture<Comparison.Report>> runs =
      new LinkedHashMap<>(16, 0.75f, true);

  public DraftEvaluations(DraftBots drafts, BotHolder live, ContentVersionStore store,
      EvaluationSets sets) {
    this.drafts = drafts;
    this.live = live;
    this.store = store;
    this.sets = sets;
  }

  /**
   * The draft's evaluation against the content live now, waiting up to {@code wait}.
   *
   * @throws EvaluationPendingException when it is still running after that
   * @throws org.helpline.content.ContentException when the draft is not valid (no bot)
   */
  public Comparison.Report evaluate(String draftId, Duration wait) {
    ContentDraft draft = store.draft(draftId).orElseThrow(() ->
        new UnknownContentException("there is no content draft with this id"));
    HelplineBot published = live.current().orElseThrow(() ->
        new EvaluationPendingException("the bot is still starting; try again in a moment"));
    String key = draftId + "@" + draft.revision() + "/" + published.content().version();
    CompletableFuture<Comparison.Report> run;
    synchronized (runs) {
      run = runs.get(key);
      if (run == null || run.isCompletedExceptionally()) {
        run = CompletableFuture.supplyAsync(() -> Comparison.compare(published,
            drafts.bot(draftId), sets), executor);
        runs.put(key, run);
        while (runs.size() > KEPT) {
          runs.remove(runs.keySet().iterator().next());
        }
      }
    }
    try {
      return run.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new EvaluationPendingException("the draft is being trained and evaluated; this"
          + " takes up to a minute, ask again shortly");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r
          : new IllegalStateException("the draft evaluation failed", e.getCause());
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
