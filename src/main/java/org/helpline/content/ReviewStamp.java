package org.helpline.content;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes a clinical review into a dialog file: its top-level {@code reviewed:} date and
 * {@code reviewedBy:} name, replacing earlier ones, leaving every other line as the editor wrote
 * it. Only a clinician's approval of a draft does this (the day it happened, with their name).
 */
public final class ReviewStamp {

  /** The system files that are data, not texts a clinician reviews: they carry no date. */
  private static final Set<String> UNDATED = Set.of(ContentLoader.SYSTEM + "notices.yml",
      ContentLoader.SYSTEM + "helpline.yml", ContentLoader.SYSTEM + "safety.yml",
      ContentLoader.SYSTEM + "routes.yml");

  private ReviewStamp() {
  }

  /** Whether a content file carries a review date (every dialog but the data files). */
  public static boolean carriesReview(String path) {
    return path.startsWith("dialogs/") && path.endsWith(".yml") && !UNDATED.contains(path);
  }

  /** The text with {@code reviewed:} set to {@code date} and {@code reviewedBy:} to the name. */
  public static String stamp(String yaml, LocalDate date, String clinician) {
    List<String> lines = new ArrayList<>(yaml.lines().toList());
    set(lines, "reviewed", date.toString());
    set(lines, "reviewedBy", quoted(clinician));
    return String.join("\n", lines) + "\n";
  }

  /** Replaces the top-level key's line, or adds one at the end. */
  private static void set(List<String> lines, String key, String value) {
    String line = key + ": " + value;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(key + ":")) {
        lines.set(i, line);
        return;
      }
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    lines.add(line);
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
