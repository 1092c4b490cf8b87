package org.helpline.staff.editor;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.helpline.conversation.BotFactory;
import org.helpline.content.ContentException;
import org.helpline.content.ContentLoader;
import org.helpline.content.ContentProblem;
import org.helpline.content.ContentSource;
import org.helpline.conversation.BotHolder;
import org.helpline.conversation.HelplineBot;
import org.jboss.logging.Logger;

/**
 * Live content: re-reads the content directory, validates it, trains, and only when all of
 * that succeeds swaps the running bot in one step. Invalid content never replaces the running
 * content. Reloads run one at a time; content that has not changed since it was loaded is
 * not trained again.
 */
public final class ContentReloader {

  private static final Logger LOG = Logger.getLogger(ContentReloader.class);

  private final BotFactory factory;
  private final BotHolder holder;
  private final Optional<Path> dir;
  private final Consumer<HelplineBot> onSwap;

  /**
   * @param dir the content directory, or empty when the bot runs on packaged content
   * @param onSwap told about each new bot once it runs (the development evaluation)
   */
  public ContentReloader(BotFactory factory, BotHolder holder, Optional<Path> dir,
      Consumer<HelplineBot> onSwap) {
    this.factory = factory;
    this.holder = holder;
    this.dir = dir;
    this.onSwap = onSwap;
  }

  /**
   * Reloads the content directory.
   *
   * @throws PackagedContentException when the bot runs on packaged content
   * @throws ContentException with every problem when the new content is invalid (the running
   *     content is kept)
   */
  public synchronized ReloadReport reload() {
    Path root = dir.orElseThrow(() -> new PackagedContentException("the bot runs on the"
        + " content packaged into the application, so there is nothing to reload: start it"
        + " with helpline.content.dir (HELPLINE_CONTENT_DIR) set to your content directory"));
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
