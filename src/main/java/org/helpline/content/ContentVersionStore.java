package org.helpline.content;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where published content versions and drafts are kept (the database, shared by every
 * instance). Every method that changes something is one transaction, and writes the staff
 * audit row for it in the same transaction.
 */
public interface ContentVersionStore {

  /** The version every instance serves, or empty before the first one is stored. */
  Optional<ContentVersion> live();

  /** Every published version, newest first. */
  List<ContentVersion> versions();

  Optional<ContentVersion> version(int version);

  /** A version's files. */
  ContentFiles files(int version);

  /** The intent model trained on a version, when one was stored with it. */
  Optional<byte[]> model(int version);

  /**
   * The content built into the application, at start-up. With no version yet (the first
   * start), it becomes version 1, live. Later, content that no version and no earlier build
   * draft holds becomes a draft for editors and a clinician to review like any change: a new
   * build never replaces what was published. Returns the version live now.
   *
   * @param model the trained model, asked for only when a version is stored (most starts
   *     store nothing, and writing the model out costs time)
   * @param publish make new content the live version at once instead (dev mode only)
   */
  ContentVersion importPackaged(ContentFiles files, String fingerprint, Supplier<byte[]> model,
      boolean publish, Instant at);

  /**
   * Publishes an approved draft as the next version and makes it live, in one transaction.
   *
   * @param draftId the draft, which must be {@code approved} at this revision and based on the
   *     live version
   * @throws ContentWorkflowException when it is not (nothing changes)
   */
  ContentVersion publish(String draftId, int revision, ContentFiles files, String fingerprint,
      byte[] model, String publishedBy, String note, Instant at);

  /** Makes an earlier published version live again. */
  ContentVersion restore(int version, String by, Instant at);

  /** Starts a draft from the live version. */
  ContentDraft createDraft(String author, String note, Instant at);

  Optional<ContentDraft> draft(String id);

  /** Drafts still in the workflow, most recently changed first. */
  List<ContentDraft> openDrafts();

  /** A draft's files. */
  ContentFiles draftFiles(String id);

  /**
   * Replaces, adds or (with a null text) removes one file of a draft that is being edited, and
   * records who changed it.
   *
   * @throws ContentWorkflowException when the draft is not {@code editing}
   */
  ContentDraft saveFile(String id, String path, String text, String by, Instant at);

  /**
   * Moves a draft from one status to the next, with the reviewer's name and comment for an
   * approval or a return, and the files as approved (the review dates set) for an approval.
   *
   * @param revision the revision the caller saw; the move is refused when it changed since
   * @param files the draft's files after the move, or null to keep them
   * @throws ContentWorkflowException when the draft is not in status {@code from} at that
   *     revision (nothing changes)
   */
  ContentDraft move(String id, int revision, DraftStatus from, DraftStatus to, String by,
      String comment, ContentFiles files, Instant at);
}
