package org.helpline.staff.content;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.helpline.content.Content;
import org.helpline.content.ContentFiles;
import org.helpline.content.ContentSource;
import org.helpline.content.ContentVersion;
import org.helpline.content.ContentVersionStore;
import org.helpline.conversation.BotFactory;
import org.helpline.conversation.BotHolder;
import org.helpline.conversation.HelplineBot;
import org.helpline.storage.DaemonThreads;
import org.helpline.storage.Signals;
import org.jboss.logging.Logger;

/**
 * Serves the live content version from the database on this instance, and follows every change
 * to it: a publish or a restore on any instance signals {@value #TOPIC} ({@link Signals}), and
 * each instance then loads the new live version's files and its stored model (so it does not
 * train) and swaps its bot in one step. A check every {@code recheck} catches a signal that was
 * missed. A version that does not load here leaves this instance on the content it runs, and
 * says so in the log.
 *
 * <p>At its first start the content built into the application becomes version 1. A later
 * build whose packaged content no version holds brings it as a draft, for editors and a
 * clinician to review like any change: a new build never replaces what was published.
 */
public final class LiveContent implements AutoCloseable {

  /** The signal of a change to the live version, on any instance. */
  public static final String TOPIC = "content";

  private static final Logger LOG = Logger.getLogger(LiveContent.class);

  private final BotFactory factory;
  private final BotHolder holder;
  private final ContentVersionStore store;
  private final Signals signals;
  private final Consumer<HelplineBot> onSwap;
  private final Clock clock;
  private final String topic;
  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
      r -> DaemonThreads.named(r, "helpline-live-content"));
  private final AtomicBoolean checkPending = new AtomicBoolean();
  /** The version this instance serves, 0 before the first. */
  private volatile int serving;
  private volatile Signals.Subscription subscription;

  /**
   * @param onSwap told about each new bot once it runs after start-up (the development
   *     evaluation)
   * @param topic the signal's name; {@value #TOPIC} but in tests that share a server
   */
  public LiveContent(BotFactory factory, BotHolder holder, ContentVersionStore store,
      Signals signals, Consumer<HelplineBot> onSwap, Clock clock, String topic) {
    this.factory = factory;
    this.holder = holder;
    this.store = store;
    this.signals = signals;
    this.onSwap = onSwap;
    this.clock = clock;
    this.topic = topic;
  }

  /**
   * Imports the packaged content (version 1 on the first start, else a draft when it is new,
   * or with {@code publishNewBuild} the live version), then serves the live version.
   *
   * @param packaged the bot built from the content packaged into the application
   */
  public synchronized ContentVersion start(HelplineBot packaged, ContentSource packagedSource,
      boolean publishNewBuild) {
    Content content = packaged.content();
    ContentVersion live = store.importPackaged(ContentFiles.read(packagedSource),
        content.version(), () -> factory.model(packaged), publishNewBuild, clock.instant());
    if (live.fingerprint().equals(content.version())) {
      swap(live, packaged);
    } else if (!load(live, false)) {
      // Better the content this build was made with than no bot; the check retries.
      holder.swap(packaged);
    }
    return live;
  }

  /**
   * From now on, follows every change of the live version: on its signal, and every
   * {@code recheck} in case a signal was missed.
   */
  public synchronized void follow(Duration recheck) {
    if (subscription == null) {
      subscription = signals.subscribe(topic, this::checkSoon);
      executor.scheduleWithFixedDelay(this::checkSoon, recheck.toMillis(), recheck.toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  /** The version this instance serves, or 0 before the first. */
  public int serving() {
    return serving;
  }

  /**
   * Serves a version whose bot is built already (the instance that published or restored it),
   * and tells every other instance.
   */
  public synchronized void switchTo(ContentVersion version, HelplineBot bot) {
    swap(version, bot);
    onSwap.accept(bot);
    signals.publish(topic);
  }

  /** Builds a stored version's bot: its stored model when it fits, else trained. */
  public HelplineBot build(ContentVersion version) {
    ContentFiles files = store.files(version.version());
    Content content = factory.load(files.source()).content();
    return factory.build(content, store.model(version.version()).orElse(null));
  }

  private void checkSoon() {
    if (checkPending.compareAndSet(false, true)) {
      try {
        executor.execute(this::check);
      } catch (RejectedExecutionException e) {
        checkPending.set(false);
      }
    }
  }

  /** Loads the live version when it is not the one served here; never throws. */
  private void check() {
    checkPending.set(false);
    try {
      Optional<ContentVersion> live = store.live();
      if (live.isPresent() && live.get().version() != serving) {
        load(live.get(), true);
      }
    } catch (RuntimeException e) {
      LOG.warnf("Could not check the live content version: %s; this instance keeps version %d",
          e.toString(), serving);
    }
  }

  /**
   * Serves a stored version; false (logged) when it does not load here.
   *
   * @param tell whether to tell {@code onSwap} (not at start-up, which evaluates later)
   */
  private synchronized boolean load(ContentVersion version, boolean tell) {
    if (version.version() == serving) {
      return true;
    }
    long start = System.nanoTime();
    HelplineBot bot;
    try {
      bot = build(version);
    } catch (RuntimeException e) {
      LOG.errorf("Content version %d does not load on this instance (%s); it keeps serving"
          + " version %d", version.version(), e.toString(), serving);
      return false;
    }
    swap(version, bot);
    if (tell) {
      onSwap.accept(bot);
    }
    LOG.infof("Content version %d (%s) now served here, in %d ms (model %s)", version.version(),
        version.fingerprint(), (System.nanoTime() - start) / 1_000_000,
        bot.modelPackaged() ? "stored" : "trained");
    return true;
  }

  private void swap(ContentVersion version, HelplineBot bot) {
    holder.swap(bot);
    serving = version.version();
  }

  @Override
  public void close() {
    Signals.Subscription s = subscription;
    if (s != null) {
      s.close();
    }
    executor.shutdownNow();
  }
}
