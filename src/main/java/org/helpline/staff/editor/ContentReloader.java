package org.helpline.staff.editor;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.helpline.content.ContentException;
import org.helpline.content.ContentLoader;
import org.helpline.content.ContentProblem;
import org.helpline.content.ContentSource;
import org.helpline.conversation.BotFactory;
import org.helpline.conversation.BotHolder;
import org.helpline.conversation.HelplineBot;
import org.helpline.storage.DaemonThreads;
import org.helpline.storage.Signals;
import org.jboss.logging.Logger;

/**
 * Live content: re-reads the content directory, validates it, trains, and only when all of
 * that succeeds swaps the running bot in one step. Invalid content never replaces the running
 * content. Reloads run one at a time; content that has not changed since it was loaded is
 * not trained again.
 *
 * <p>Several instances: a successful reload signals {@value #TOPIC} ({@link Signals}), and
 * each instance that {@link #followOtherInstances() follows} reloads its own content directory
 * when the signal comes, without signalling again. For every instance to switch to the same
 * content, they must all read the same directory (a shared volume, or the same checkout).
 */
public final class ContentReloader implements AutoCloseable {

  /** The signal of a successful reload on any instance. */
  public static final String TOPIC = "content";

  private static final Logger LOG = Logger.getLogger(ContentReloader.class);
  /** While the content an instance starts with is loading, a reload it follows waits this long. */
  private static final long STARTING_RETRY_MILLIS = 1_000;

  private final BotFactory factory;
  private final BotHolder holder;
  private final Optional<Path> dir;
  private final Consumer<HelplineBot> onSwap;
  private final Signals signals;
  private final String topic;
  /**
   * Reloads that follow other instances run here, off the thread that delivers signals; made
   * only by an instance that follows.
   */
  private volatile ScheduledExecutorService following;
  /** A followed reload is waiting to start: another signal adds nothing. */
  private final AtomicBoolean followPending = new AtomicBoolean();
  private final AtomicInteger followed = new AtomicInteger();
  private volatile Signals.Subscription subscription;

  /**
   * @param dir the content directory, or empty when the bot runs on packaged content
   * @param onSwap told about each new bot once it runs (the development evaluation)
   * @param signals where a successful reload is announced to every instance
   */
  public ContentReloader(BotFactory factory, BotHolder holder, Optional<Path> dir,
      Consumer<HelplineBot> onSwap, Signals signals) {
    this(factory, holder, dir, onSwap, signals, TOPIC);
  }

  /** With a topic of its own: tests that share a PostgreSQL server with other runs. */
  ContentReloader(BotFactory factory, BotHolder holder, Optional<Path> dir,
      Consumer<HelplineBot> onSwap, Signals signals, String topic) {
    this.factory = factory;
    this.holder = holder;
    this.dir = dir;
    this.onSwap = onSwap;
    this.signals = signals;
    this.topic = topic;
  }

  /**
   * Reloads the content directory and, when it succeeds, tells every instance to reload
   * theirs (this one too, where it finds nothing new). A refused reload tells nobody.
   *
   * @throws PackagedContentException when the bot runs on packaged content
   * @throws ContentException with every problem when the new content is invalid (the running
   *     content is kept)
   */
  public ReloadReport reload() {
    ReloadReport report = reloadHere();
    // Also when nothing changed here: an instance that missed an earlier reload catches up.
    signals.publish(topic);
    return report;
  }

  /**
   * From now on, reloads this instance's content directory whenever any instance has reloaded
   * (it does not signal again, so signals never loop). Packaged content has nothing to reload
   * and ignores the signals. Reloads run one at a time on a thread of their own; signals that
   * come while one waits to start are answered by that one.
   */
  public synchronized void followOtherInstances() {
    if (subscription == null && dir.isPresent()) {
      following = Executors.newSingleThreadScheduledExecutor(r -> DaemonThreads.named(r, "helpline-content-follow"));
      subscription = signals.subscribe(topic, this::reloadSoon);
    }
  }

  /** Stops following other instances. */
  @Override
  public void close() {
    Signals.Subscription s = subscription;
    if (s != null) {
      s.close();
    }
    ScheduledExecutorService executor = following;
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  /** Followed reloads that have finished, whether they switched or not; for tests. */
  int followedReloads() {
    return followed.get();
  }

  private void reloadSoon() {
    if (followPending.compareAndSet(false, true)) {
      schedule(0);
    }
  }

  private void schedule(long delayMillis) {
    try {
      following.schedule(this::follow, delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Closed: this instance is stopping.
      followPending.set(false);
    }
  }

  /** One followed reload; never throws (a refusal is logged by the reload). */
  private void follow() {
    if (holder.current().isEmpty()) {
      // Still starting: the start-up load may have read the directory before the change, so
      // wait for it, then reload (at once if nothing changed).
      schedule(STARTING_RETRY_MILLIS);
      return;
    }
    // Leave the queue before reading, so that a signal during the reload brings another one.
    followPending.set(false);
    try {
      LOG.infof("Content reload signalled (by this instance or another): reading %s",
          dir.orElseThrow());
      reloadHere();
    } catch (ContentException | PackagedContentException e) {
      // Logged by reloadHere; this instance keeps its content.
    } catch (RuntimeException e) {
      LOG.warnf("Content reload (signalled) failed here: %s; this instance keeps its content",
          e.toString());
    } finally {
      followed.incrementAndGet();
    }
  }

  /** Reloads this instance's content directory, telling no other instance. */
  private synchronized ReloadReport reloadHere() {
    Path root = dir.orElseThrow(() -> new PackagedContentException("this bot keeps its"
        + " content in the database, so there is no directory to reload: change it through a"
        + " draft (docs/editors.md), or start it with helpline.content.dir"
        + " (HELPLINE_CONTENT_DIR) set to a content directory kept in git"));
    Optional<HelplineBot> current = holder.current();
    String running = current.map(b -> b.content().version()).orElse("none");
    ContentLoader.Loaded loaded;
    try {
      if (!Files.isDirectory(root)) {
        throw new ContentException(List.of(new ContentProblem(root.toString(), 0,
            "the content directory does not exist or is not a directory")));
      }
      loaded = factory.load(ContentSource.directory(root));
    } catch (UncheckedIOException e) {
      ContentException invalid = new ContentException(List.of(new ContentProblem(
          root.toString(), 0, "cannot read the content: " + e.getCause().getMessage())));
      logRefused(invalid, running);
      throw invalid;
    } catch (ContentException e) {
      logRefused(e, running);
      throw e;
    }
    if (current.isPresent() && running.equals(loaded.content().version())) {
      // Nothing changed since the running content was loaded: no need to train again.
      LOG.infof("Content reload from %s: unchanged (version %s)", root, running);
      return report(current.get(), loaded);
    }
    HelplineBot bot = factory.build(loaded.content());
    holder.swap(bot);
    LOG.infof("Content reloaded from %s: version %s -> %s, %d intents, %d examples; model %s"
        + " in %d ms", root, running, bot.content().version(),
        bot.content().intents().size(), bot.content().examples().size(), bot.modelSource(),
        bot.trainingTime().toMillis());
    List<ContentProblem> due = loaded.dueForReview();
    if (!due.isEmpty()) {
      LOG.warnf("%d content file(s) due for clinical review: %s", due.size(),
          due.stream().map(ContentProblem::file).distinct().toList());
    }
    if (!loaded.awaitingReview().isEmpty()) {
      LOG.warnf("%d content file(s) awaiting clinical review", loaded.awaitingReview().size());
    }
    onSwap.accept(bot);
    return report(bot, loaded);
  }

  private static ReloadReport report(HelplineBot bot, ContentLoader.Loaded loaded) {
    return new ReloadReport(bot.content().version(), bot.content().intents().size(),
        bot.content().examples().size(), bot.trainingTime().toMillis(), loaded.dueForReview(),
        loaded.awaitingReview());
  }

  private static void logRefused(ContentException e, String running) {
    LOG.warnf("Content reload refused: %d problem(s); still running content %s. First: %s",
        e.problems().size(), running, e.problems().isEmpty() ? "-" : e.problems().get(0));
  }
}
