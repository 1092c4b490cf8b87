package org.helpline.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Texts reviewed too long ago are reported as due for review, without stopping the content. */
class DueForReviewTest {

  private static final ContentSource REAL = ContentSource.directory(Path.of("").toAbsolutePath());

  private static List<ContentProblem> dueOn(String instant) {
    Clock clock = Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    return new ContentLoader(new ContentValidator(25, 600, Duration.ofDays(365), clock))
        .loadWithWarnings(REAL).dueForReview();
  }

  @Test
  void freshlyReviewedContentIsNotDue() {
    assertEquals(List.of(), dueOn("2027-01-01T09:00:00Z"));
  }

  @Test
  void contentReviewedMoreThanAYearAgoIsDueWithFileAndLine() {
    List<ContentProblem> due = dueOn("2028-06-01T09:00:00Z");
    ContentProblem cytokines = due.stream()
        .filter(p -> p.file().equals("dialogs/cytokines.yml")).findFirst().orElseThrow();
    assertTrue(cytokines.line() > 1, "line of 'reviewed:' " + cytokines.line());
    assertTrue(cytokines.message().contains("due for clinical review"), cytokines.message());
    assertTrue(due.stream().anyMatch(p -> p.file().equals("dialogs/_system/fallback.yml")));
  }
}
