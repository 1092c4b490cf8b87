package org.helpline.staff.content.dto;

import java.util.List;

/**
 * What a draft changes, file by file, for a clinician to read side by side.
 *
 * @param basedOn the version the draft started from (the "before")
 */
public record DraftDiff(String id, int basedOn, List<FileDiff> files) {

  /**
   * One changed file.
   *
   * @param change {@code added}, {@code changed} or {@code removed}
   * @param before the text in the version the draft started from, or null when added
   * @param after the text in the draft, or null when removed
   */
  public record FileDiff(String path, String change, String before, String after) {
  }
}
