package org.helpline.staff.content.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.helpline.content.ContentDraft;
import org.helpline.content.ContentProblem;
import org.helpline.staff.content.ContentWorkflow;

/**
 * A draft as the console shows it. In lists, without problems, warnings and changes (they need
 * the draft validated).
 *
 * @param revision how many times it was changed
 * @param problems what stops it being submitted, each with file and line
 * @param warnings texts awaiting or due for clinical review (they do not stop it)
 * @param changes the files it adds, changes or removes
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DraftSummary(String id, int basedOn, String status, String author,
    List<String> contributors, String note, int revision, Instant createdAt, Instant updatedAt,
    Instant submittedAt, String reviewer, Instant reviewedAt, String reviewComment,
    Integer publishedVersion, List<ContentProblem> problems, List<ContentProblem> warnings,
    List<ContentWorkflow.FileChange> changes) {

  public static DraftSummary of(ContentWorkflow.DraftView view) {
    return of(view.draft(), view.problems(), view.warnings(), view.changes());
  }

  public static DraftSummary brief(ContentDraft draft) {
    return of(draft, null, null, null);
  }

  private static DraftSummary of(ContentDraft d, List<ContentProblem> problems,
      List<ContentProblem> warnings, List<ContentWorkflow.FileChange> changes) {
    return new DraftSummary(d.id(), d.basedOn(), d.status().id(), d.author(), d.contributors(),
        d.note(), d.revision(), d.createdAt(), d.updatedAt(), d.submittedAt(), d.reviewer(),
        d.reviewedAt(), d.reviewComment(), d.publishedVersion(), problems, warnings, changes);
  }
}
