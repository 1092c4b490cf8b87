package org.helpline.feedback;

import java.time.Instant;
import java.util.List;

/** Ratings since a time, per intent, the most "not helpful" first. */
public record FeedbackSummary(Instant since, List<IntentFeedback> intents) {

  public FeedbackSummary {
    intents = List.copyOf(intents);
  }
}
