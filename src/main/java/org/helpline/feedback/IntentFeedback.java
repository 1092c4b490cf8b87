package org.helpline.feedback;

import java.util.List;

/** How people rated the answers of one intent, with their latest (redacted) comments. */
public record IntentFeedback(String intent, int helpful, int notHelpful, List<String> comments) {

  public IntentFeedback {
    comments = List.copyOf(comments);
  }
}
