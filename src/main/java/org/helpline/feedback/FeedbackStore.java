package org.helpline.feedback;

import java.time.Instant;
import java.util.List;

/** Keeps people's ratings of the bot's answers. */
public interface FeedbackStore {

  /**
   * Records one rating of a stored turn, with the intent that turn answered (or its action,
   * such as {@code fallback}, when it had no intent).
   *
   * @param comment the redacted comment, or null
   */
  Rating rate(String conversationId, int seq, boolean helpful, String comment, Instant now);

  /**
   * Ratings given since a time, per intent, the most "not helpful" first; each with at most
   * {@code maxComments} of the latest comments.
   */
  List<IntentFeedback> summary(Instant since, int maxComments);

  /** What became of a rating. */
  enum Rating {
    RECORDED, UNKNOWN_CONVERSATION, UNKNOWN_TURN, ALREADY_RATED
  }
}
