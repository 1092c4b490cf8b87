package org.helpline.insights;

import java.time.Instant;
import java.util.List;

/**
 * The questions the bot did not recognise since a time, grouped by similarity, biggest group
 * first.
 *
 * @param total how many fallback and clarify turns there were
 */
public record UnrecognisedReport(Instant since, int total, List<Group> groups) {

  public UnrecognisedReport {
    groups = List.copyOf(groups);
  }

  /**
   * Similar questions.
   *
   * @param examples a few of the (redacted) texts, newest first
   * @param closestIntents the intents the classifier put first for them, most often first
   */
  public record Group(int count, List<String> examples, List<IntentCount> closestIntents,
      Instant lastSeen) {

    public Group {
      examples = List.copyOf(examples);
      closestIntents = List.copyOf(closestIntents);
    }
  }

  /** How often an intent came closest. */
  public record IntentCount(String intent, int count) {
  }
}
