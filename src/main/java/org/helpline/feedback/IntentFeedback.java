package org.helpline.feedback;

import java.util.List;

/**
 * How people rated the answers of one intent, with their latest (redacted) comments and the
 * latest (redacted) questions whose answers they found not helpful: what an editor adds to
 * the right intent's examples, or writes content for.
 */
public record IntentFeedback(String intent, int helpful, int notHelpful, List<String> comments,
    List<String> questions) {

  public IntentFeedback {
    comments = List.copyOf(comments);
    questions = List.copyOf(questions);
  }
}
