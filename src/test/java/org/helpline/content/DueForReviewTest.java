package org.helpline.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.helpline.support.RealBot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Texts reviewed too long ago are reported as due for review, without stopping the content.
 * The real content has no review dates yet (it awaits its first clinical review), so a copy of
 * it is given dates here, as a real review would.
 */
class DueForReviewTest {

  @TempDir
  Path dir;

  @BeforeEach
  void copyRealContentWithTwoReviewDates() throws IOException {
    RealBot.copyContentTo(dir);
    for (String file : List.of("dialogs/cytokines.yml", "dialogs/_system/fallback.yml")) {
      Path path = dir.resolve(file);
      Files.writeString(path, Files.readString(path, StandardCharsets.UTF_8)
          + "reviewed: 2026-12-01\n", StandardCharsets.UTF_8);
    }
  }

  private ContentLoader.Loaded loadOn(String instant) {
    Clock clock = Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    return new ContentLoader(new ContentValidator(25, 600, Duration.ofDays(365), clock))
        .loadWithWarnings(ContentSource.directory(dir));
  }

  @Test
  void freshlyReviewedContentIsNotDue() {
    assertEquals(List.of(), loadOn("2027-01-01T09:00:00Z").dueForReview());
  }

  @Test
  void contentReviewedMoreThanAYearAgoIsDueWithFileAndLine() {
    List<ContentProblem> due = loadOn("2028-06-01T09:00:00Z").dueForReview();
    ContentProblem cytokines = due.stream()
        .filter(p -> p.file().equals("dialogs/cytokines.yml")).findFirst().orElseThrow();
    assertTrue(cytokines.line() > 1, "line of 'reviewed:' " + cytokines.line());
    assertTrue(cytokines.message().contains("last reviewed on 2026-12-01"), cytokines.message());
    assertTrue(cytokines.message().contains("due for clinical review"), cytokines.message());
    assertEquals(List.of("dialogs/_system/fallback.yml", "dialogs/cytokines.yml"),
        due.stream().map(ContentProblem::file).toList());
  }

  @Test
  void contentNeverReviewedIsAwaitingReviewNotDue() {
    ContentLoader.Loaded loaded = loadOn("2028-06-01T09:00:00Z");
    List<String> awaiting = loaded.awaitingReview().stream().map(ContentProblem::file).toList();
    assertTrue(awaiting.contains("dialogs/greeting.yml"), awaiting.toString());
    assertFalse(awaiting.contains("dialogs/cytokines.yml"), awaiting.toString());
    assertFalse(loaded.dueForReview().stream()
        .anyMatch(p -> p.file().equals("dialogs/greeting.yml")));
  }
}
