package org.helpline.staff.content;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.helpline.content.ContentDraft;
import org.helpline.content.ContentException;
import org.helpline.content.ContentFiles;
import org.helpline.content.ContentLoader;
import org.helpline.content.ContentProblem;
import org.helpline.content.ContentVersion;
import org.helpline.content.ContentVersionStore;
import org.helpline.content.ContentWorkflowException;
import org.helpline.content.DraftStatus;
import org.helpline.content.OwnDraftException;
import org.helpline.content.ReviewStamp;
import org.helpline.content.UnknownContentException;
import org.helpline.conversation.BotFactory;
import org.helpline.conversation.HelplineBot;
import org.helpline.eval.Comparison;

/**
 * The rules of changing content: an editor drafts, the author submits, a clinician who wrote
 * none of it approves (which dates the review of exactly the dialogs that changed) or returns
 * it, and an editor publishes what was approved; an earlier version can be restored. Content is
 * validated on every save and trained before it goes live, so a publish or restore that fails
 * leaves every instance on the content it has. Roles are checked by the endpoints; who may act
 * on which draft is checked here.
 */
public final class ContentWorkflow {

  /** Longest file an editor may save (the biggest in the pack is about a tenth of this). */
  public static final int MAX_FILE_CHARS = 200_000;
  /** How long a submit waits for the draft's evaluation (training and both bots run). */
  private static final Duration SUBMIT_WAIT = Duration.ofMinutes(2);

  private final ContentVersionStore store;
  private final BotFactory factory;
  private final LiveContent live;
  private final Clock clock;
  private final Supplier<ZoneId> zone;
  private final Optional<Path> dir;
  private final DraftEvaluations evaluations;

  /**
   * @param zone where "the day it happened" is counted for a review date (the helpline's)
   * @param dir the content directory when content comes from one (drafts are then refused:
   *     the directory, kept in git, is where content changes), else empty
   * @param evaluations a submit reads the draft's to refuse one that lowers safety recall
   */
  public ContentWorkflow(ContentVersionStore store, BotFactory factory, LiveContent live,
      Clock clock, Supplier<ZoneId> zone, Optional<Path> dir, DraftEvaluations evaluations) {
    this.store = store;
    this.factory = factory;
    this.live = live;
    this.clock = clock;
    this.zone = zone;
    this.dir = dir;
    this.evaluations = evaluations;
  }

  /** Refuses a change while the content comes from a directory. */
  private void changeable() {
    if (dir.isPresent()) {
      throw new ContentWorkflowException("this bot serves the content directory set in"
          + " helpline.content.dir (HELPLINE_CONTENT_DIR): change the files there (in git)"
          + " and reload, or unset it to keep content in the database with drafts");
    }
  }

  /** A draft with what an editor needs beside it: its problems and what it changes. */
  public record DraftView(ContentDraft draft, List<ContentProblem> problems,
      List<ContentProblem> warnings, List<FileChange> changes) {
  }

  /** One file the draft adds, changes or removes against the version it started from. */
  public record FileChange(String path, String change) {
  }

  public ContentDraft create(String author, String note) {
    changeable();
    return store.createDraft(author, clean(note, 1000), clock.instant());
  }

  /**
   * Starts a draft whose files are those of an imported content tree (files of the live
   * version that the tree lacks are removed), validated like any draft.
   */
  public DraftView importDraft(ContentFiles files, String by, String note) {
    changeable();
    ContentDraft draft = store.createDraft(by, clean(note, 1000), clock.instant());
    store.move(draft.id(), draft.revision(), DraftStatus.EDITING, DraftStatus.EDITING, by,
        null, files, clock.instant());
    return view(draft.id());
  }

  public DraftView view(String id) {
    ContentDraft draft = draft(id);
    ContentFiles files = store.draftFiles(id);
    ContentFiles base = store.files(draft.basedOn());
    List<ContentProblem> problems = List.of();
    List<ContentProblem> warnings = List.of();
    try {
      ContentLoader.Loaded loaded = factory.load(files.source());
      warnings = new ArrayList<>(loaded.dueForReview());
      warnings.addAll(loaded.awaitingReview());
    } catch (ContentException e) {
      problems = e.problems();
    }
    List<FileChange> changes = new ArrayList<>();
    for (String path : files.changedFrom(base)) {
      changes.add(new FileChange(path, !base.contains(path) ? "added"
          : !files.contains(path) ? "removed" : "changed"));
    }
    return new DraftView(draft, problems, warnings, changes);
  }

  /** Drafts still in the workflow, most recently changed first. */
  public List<ContentDraft> openDrafts() {
    return store.openDrafts();
  }

  /** A draft's files as they are now. */
  public ContentFiles files(String id) {
    draft(id);
    return store.draftFiles(id);
  }

  /** The files of the version a draft started from. */
  public ContentFiles baseFiles(ContentDraft draft) {
    return store.files(draft.basedOn());
  }

  public ContentDraft draft(String id) {
    return store.draft(id).orElseThrow(() ->
        new UnknownContentException("there is no content draft with this id"));
  }

  /** One file of a draft. */
  public String file(String id, String path) {
    draft(id);
    String text = store.draftFiles(id).text(path);
    if (text == null) {
      throw new UnknownContentException("this draft has no file " + path);
    }
    return text;
  }

  /**
   * Replaces or adds one file (a null text removes it) and validates the whole draft.
   *
   * @return the draft's problems after the change, each with file and line
   */
  public DraftView save(String id, String path, String text, String by) {
    if (!ContentFiles.isContentPath(path)) {
      throw new ContentWorkflowException("a content file is intents/<id>.txt or"
          + " dialogs/<id>.yml (lower-case letters, digits, '_' and '-'); not " + path);
    }
    if (text != null && text.length() > MAX_FILE_CHARS) {
      throw new ContentWorkflowException("a content file may hold at most " + MAX_FILE_CHARS
          + " characters");
    }
    if (text == null && !store.draftFiles(id).contains(path)) {
      throw new UnknownContentException("this draft has no file " + path);
    }
    store.saveFile(id, path, text, by, clock.instant());
    return view(id);
  }

  /**
   * Adds one way of asking to an intent's examples (the end of {@code intents/<intent>.txt}),
   * as an editor does from the unrecognised questions or the not-helpful ratings. The route
   * dialogs have intents too, so a question the nurses should hear is added the same way.
   */
  public DraftView addExample(String id, String intent, String text, String by) {
    String example = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    if (example.isEmpty() || example.startsWith("#")) {
      throw new ContentWorkflowException("the example must be a question, not empty and not"
          + " starting with #");
    }
    String path = "intents/" + intent + ".txt";
    String examples = store.draftFiles(id).text(path);
    if (intent == null || intent.startsWith("_") || examples == null) {
      throw new UnknownContentException("this draft has no intent " + intent);
    }
    if (examples.lines().map(String::strip).anyMatch(example::equalsIgnoreCase)) {
      throw new ContentWorkflowException("this intent has that example already");
    }
    return save(id, path, examples + (examples.endsWith("\n") || examples.isEmpty() ? ""
        : "\n") + example + "\n", by);
  }

  /**
   * The author (or another editor who changed it) sends the draft for sign-off. It must be
   * valid and change something.
   */
  public ContentDraft submit(String id, String by, String note) {
    DraftView view = view(id);
    ContentDraft draft = view.draft();
    if (!draft.writtenBy(by) && !draft.author().equals(ContentVersion.BUILD)) {
      throw new OwnDraftException("only an editor who wrote this draft can submit it");
    }
    if (!view.problems().isEmpty()) {
      throw new ContentException(view.problems());
    }
    if (view.changes().isEmpty()) {
      throw new ContentWorkflowException("this draft changes nothing yet");
    }
    Comparison.Report evaluation = evaluations.evaluate(id, SUBMIT_WAIT);
    if (evaluation.safetyLowered()) {
      List<ContentProblem> lost = new ArrayList<>();
      for (Comparison.LostEscalation l : evaluation.lostEscalations()) {
        lost.add(new ContentProblem("safety", 0, "the live bot escalates this "
            + l.category() + " message and the draft does not: \"" + l.text() + "\""));
      }
      if (evaluation.testEscalationsLost() > 0) {
        lost.add(new ContentProblem("safety", 0, "the draft escalates "
            + evaluation.testEscalationsLost() + " fewer of the test set's emergency and"
            + " self-harm messages than the live bot"));
      }
      throw new ContentException(lost);
    }
    return store.move(id, draft.revision(), DraftStatus.EDITING, DraftStatus.SUBMITTED, by,
        clean(note, 1000), null, clock.instant());
  }

  /**
   * A clinician approves a submitted draft they wrote none of: every changed dialog gets the
   * review date of today and the clinician's name.
   */
  public ContentDraft approve(String id, String clinician, String comment) {
    ContentDraft draft = reviewable(id, clinician);
    ContentFiles files = store.draftFiles(id);
    ContentFiles base = store.files(draft.basedOn());
    LocalDate today = LocalDate.now(clock.withZone(zone.get()));
    ContentFiles stamped = files;
    for (String path : files.changedFrom(base)) {
      if (files.contains(path) && ReviewStamp.carriesReview(path)) {
        stamped = stamped.with(path, ReviewStamp.stamp(files.text(path), today, clinician));
      }
    }
    // The dates must not make the content invalid; they never should, but this is checked
    // before anything is stored.
    factory.load(stamped.source());
    return store.move(id, draft.revision(), DraftStatus.SUBMITTED, DraftStatus.APPROVED,
        clinician, clean(comment, 2000), stamped, clock.instant());
  }

  /** A clinician sends a submitted draft back to its editors with what to change. */
  public ContentDraft sendBack(String id, String clinician, String comment) {
    ContentDraft draft = reviewable(id, clinician);
    String why = clean(comment, 2000);
    if (why == null) {
      throw new ContentWorkflowException("say what should change: a comment is needed to"
          + " return a draft");
    }
    return store.move(id, draft.revision(), DraftStatus.SUBMITTED, DraftStatus.EDITING,
        clinician, why, null, clock.instant());
  }

  private ContentDraft reviewable(String id, String clinician) {
    ContentDraft draft = draft(id);
    if (draft.writtenBy(clinician)) {
      throw new OwnDraftException("you wrote part of this draft, so another clinician must"
          + " sign it off");
    }
    if (draft.status() != DraftStatus.SUBMITTED) {
      throw new ContentWorkflowException("this draft is " + draft.status().id()
          + "; only a submitted draft can be approved or returned");
    }
    return draft;
  }

  /** An editor or admin abandons a draft that is not published. */
  public ContentDraft discard(String id, String by) {
    ContentDraft draft = draft(id);
    if (!draft.status().open()) {
      throw new ContentWorkflowException("this draft is " + draft.status().id()
          + " already");
    }
    return store.move(id, draft.revision(), draft.status(), DraftStatus.DISCARDED, by, null,
        null, clock.instant());
  }

  /**
   * Publishes an approved draft: validates and trains it first, then stores it as the next
   * version, makes it live and tells every instance. Nothing changes when any step fails.
   */
  public ContentVersion publish(String id, String by, String note) {
    changeable();
    ContentDraft draft = draft(id);
    if (draft.status() != DraftStatus.APPROVED) {
      throw new ContentWorkflowException("this draft is " + draft.status().id()
          + "; only a draft a clinician has approved can be published");
    }
    ContentFiles files = store.draftFiles(id);
    HelplineBot bot = factory.build(factory.load(files.source()).content());
    ContentVersion version = store.publish(id, draft.revision(), files, bot.content().version(),
        factory.model(bot), by, clean(note, 1000), clock.instant());
    live.switchTo(version, bot);
    return version;
  }

  /**
   * Makes an earlier version live again (it was approved when it was published). It is built
   * first: a version that does not load on this build changes nothing.
   */
  public ContentVersion restore(int version, String by) {
    changeable();
    ContentVersion target = store.version(version).orElseThrow(() ->
        new UnknownContentException("there is no content version " + version));
    HelplineBot bot = live.build(target);
    ContentVersion restored = store.restore(version, by, clock.instant());
    live.switchTo(restored, bot);
    return restored;
  }

  /** Trims a free text and cuts it to a length; null when nothing is left. */
  private static String clean(String text, int max) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String stripped = text.strip();
    return stripped.length() <= max ? stripped : stripped.substring(0, max);
  }
}
