package org.helpline.content;

import java.time.Instant;

/**
 * One published version of the content, as kept for ever: who wrote it, who approved it, who
 * published it and when, and a note. Immutable once stored.
 *
 * @param fingerprint the content's own version (a hash of its files), which chat turns record
 * @param origin {@code packaged} (the content built into the application), {@code draft} (an
 *     approved draft) or {@code import} (a file tree an admin imported)
 * @param author who wrote the draft, or null for packaged content
 * @param approvedBy the clinician who approved it, or null when no clinician has
 * @param draftId the draft it was published from, or null
 */
public record ContentVersion(int version, String fingerprint, String origin, String author,
    String approvedBy, Instant approvedAt, String publishedBy, Instant publishedAt,
    String note, String draftId) {

  public static final String PACKAGED = "packaged";
  /** Who publishes packaged content and writes the drafts of new builds. */
  public static final String BUILD = "the application build";
  public static final String DRAFT = "draft";
}
