package org.helpline.staff.content;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.helpline.content.ContentDraft;
import org.helpline.content.ContentFiles;
import org.helpline.content.ContentVersionStore;
import org.helpline.content.UnknownContentException;
import org.helpline.conversation.BotFactory;
import org.helpline.conversation.HelplineBot;

/**
 * The bots of drafts being tried, one per draft revision, built (validated and trained) on first
 * use and kept for the few drafts tried lately: editors and clinicians chat with a draft and
 * read its evaluation without it going live. Two requests for the same revision share one
 * build.
 */
public final class DraftBots {

  /** Drafts whose bots are kept; each costs a trained model (a few megabytes). */
  private static final int KEPT = 3;

  private final ContentVersionStore store;
  private final BotFactory factory;
  private final Map<String, CompletableFuture<HelplineBot>> bots =
      new LinkedHashMap<>(8, 0.75f, true);

  public DraftBots(ContentVersionStore store, BotFactory factory) {
    this.store = store;
    this.factory = factory;
  }

  /**
   * The bot of the draft as it is now.
   *
   * @throws org.helpline.content.ContentException when the draft is not valid
   */
  public HelplineBot bot(String draftId) {
    ContentDraft draft = store.draft(draftId).orElseThrow(() ->
        new UnknownContentException("there is no content draft with this id"));
    String key = draftId + "@" + draft.revision();
    CompletableFuture<HelplineBot> build;
    boolean mine = false;
    synchronized (bots) {
      build = bots.get(key);
      if (build == null) {
        build = new CompletableFuture<>();
        bots.put(key, build);
        mine = true;
        while (bots.size() > KEPT) {
          bots.remove(bots.keySet().iterator().next());
        }
      }
    }
    if (mine) {
      try {
        ContentFiles files = store.draftFiles(draftId);
        build.complete(factory.build(factory.load(files.source()).content()));
      } catch (RuntimeException e) {
        synchronized (bots) {
          bots.remove(key);
        }
        build.completeExceptionally(e);
      }
    }
    try {
      return build.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }
}
