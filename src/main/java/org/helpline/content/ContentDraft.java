package org.helpline.content;

import java.time.Instant;
import java.util.List;

/**
 * A content draft: a copy of a published version's files that editors change, and where it is
 * in the sign-off.
 *
 * @param basedOn the version it was copied from
 * @param author the editor who started it
 * @param contributors every editor who changed it, the author first; none may approve it
 * @param revision how many times it was changed; an approval is for one revision
 * @param reviewer the clinician who approved or returned it last, or null
 * @param reviewComment what they said, or null
 * @param publishedVersion the version it became, or null
 */
public record ContentDraft(String id, int basedOn, DraftStatus status, String author,
    List<String> contributors, String note, int revision, Instant createdAt, Instant updatedAt,
    Instant submittedAt, String reviewer, Instant reviewedAt, String reviewComment,
    Integer publishedVersion) {

  public ContentDraft {
    contributors = List.copyOf(contributors);
  }

  /** Whether this member of staff wrote any of it (and so may not approve it). */
  public boolean writtenBy(String name) {
    return contributors.contains(name);
  }
}
