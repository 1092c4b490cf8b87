package org.helpline.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.helpline.conversation.InvalidMessageException;
import org.helpline.conversation.Redactor;
import org.jboss.logging.Logger;

/**
 * "Was this helpful?": checks a rating, redacts its comment and stores it once per turn; and
 * summarises recent ratings per intent for editors. Logs ids and counts only.
 */
public final class FeedbackService {

  /** Longest comment accepted, in characters. */
  public static final int MAX_COMMENT_LENGTH = 500;
  /** Latest comments shown per intent in the summary. */
  static final int COMMENTS_PER_INTENT = 10;

  private static final Logger LOG = Logger.getLogger(FeedbackService.class);

  private final FeedbackStore store;
  private final Clock clock;
  private final Supplier<Redactor> redactor;

  /** @param redactor the running content's redactor */
  public FeedbackService(FeedbackStore store, Clock clock, Supplier<Redactor> redactor) {
    this.store = store;
    this.clock = clock;
    this.redactor = redactor;
  }

  /**
   * Stores a rating of turn {@code seq} of a conversation.
   *
   * @throws InvalidMessageException when a field is missing or the comment is too long
   * @throws UnknownTurnException when the conversation or turn does not exist
   * @throws AlreadyRatedException when the turn was rated before
   */
  public void rate(String conversationId, Integer seq, Boolean helpful, String comment) {
    if (conversationId == null || conversationId.isBlank()) {
      throw new InvalidMessageException("conversationId is required");
    }
    if (seq == null) {
      throw new InvalidMessageException("turn is required: the 'turn' number of the reply"
          + " being rated");
    }
    if (helpful == null) {
      throw new InvalidMessageException("helpful is required: true or false");
    }
    String text = comment == null || comment.isBlank() ? null : comment.strip();
    if (text != null && text.length() > MAX_COMMENT_LENGTH) {
      throw new InvalidMessageException("comment is " + text.length()
          + " characters long; the limit is " + MAX_COMMENT_LENGTH);
    }
    FeedbackStore.Rating result = seq < 1 ? FeedbackStore.Rating.UNKNOWN_TURN
        : store.rate(conversationId, seq, helpful, redactor.get().redact(text), clock.instant());
    switch (result) {
      case RECORDED -> LOG.infof("feedback conversation=%s turn=%d helpful=%s comment=%s",
          conversationId, seq, helpful, text != null);
      case UNKNOWN_CONVERSATION -> throw new UnknownTurnException(
          "there is no conversation with this id (it may have ended and been deleted)");
      case UNKNOWN_TURN -> throw new UnknownTurnException(
          "this conversation has no turn " + seq);
      case ALREADY_RATED -> throw new AlreadyRatedException(
          "turn " + seq + " of this conversation has already been rated");
      default -> throw new IllegalStateException("unknown rating result " + result);
    }
  }

  /** Ratings of the last {@code days} days, per intent, the most "not helpful" first. */
  public FeedbackSummary summary(Duration period) {
    Instant since = clock.instant().minus(period);
    return new FeedbackSummary(since, store.summary(since, COMMENTS_PER_INTENT));
  }
}
