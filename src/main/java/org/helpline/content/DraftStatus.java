package org.helpline.content;

import java.util.Locale;

/**
 * Where a content draft is in its life: editors change it while {@code EDITING}; its author
 * submits it for sign-off; a clinician who did not write it approves it or returns it (back to
 * {@code EDITING}, with a comment); an editor publishes an approved draft. A draft nobody wants
 * any more is {@code DISCARDED}. Published and discarded drafts never change again.
 */
public enum DraftStatus {
  EDITING, SUBMITTED, APPROVED, PUBLISHED, DISCARDED;

  /** The name in the API and the database: {@code editing}, {@code submitted}... */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static DraftStatus of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }

  /** Whether the draft is still in the workflow (not published or discarded). */
  public boolean open() {
    return this != PUBLISHED && this != DISCARDED;
  }
}
