package org.helpline.insights;

import java.time.Instant;
import java.util.List;

/** Read-only queries over the stored transcripts for the editors' reports. */
public interface InsightsStore {

  /**
   * Fallback and clarify turns with text (not quick replies) since a time, newest first, at
   * most {@code limit} of them.
   */
  List<MisunderstoodTurn> misunderstoodSince(Instant since, int limit);
}
