package org.helpline.staff.editor;

import java.util.List;
import org.helpline.content.ContentProblem;

/**
 * The content now running after a reload.
 *
 * @param version the content version (a hash of every file), recorded with every turn
 * @param dueForReview texts whose clinical review is too old: warnings, the content runs
 * @param awaitingReview texts no clinician has reviewed yet (no {@code reviewed:} date):
 *     warnings, the content runs and its answers say it is awaiting clinical review
 */
public record ReloadReport(String version, int intents, int examples, long trainingMillis,
    List<ContentProblem> dueForReview, List<ContentProblem> awaitingReview) {

  public ReloadReport {
    dueForReview = List.copyOf(dueForReview);
    awaitingReview = List.copyOf(awaitingReview);
  }
}
