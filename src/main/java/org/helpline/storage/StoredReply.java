package org.helpline.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A reply as it is kept in {@code turn.reply_json}: storage's own type, so a change to the
 * reply channels see, or to content, never silently changes what a stored row means.
 *
 * <p>Version 1 is the shape every row had before the version was written: the same fields,
 * names and nesting; a row without {@code version} is version 1. A new shape gets a new
 * version and a reader for it in {@link StoredReplies}; an unknown version or field is an
 * error, never a guess.
 *
 * <p>Version 2 adds the live chat to the handoff ({@code modes}, {@code mode}, {@code status},
 * {@code position}, {@code replyBy}); a version 1 row reads as a handoff that offered the phone
 * only.
 *
 * @param version the shape of this JSON: 1, or 2 since the nurse chat
 * @param replies the chat bubbles, in order
 * @param quickReplies the choices offered, in order (a bare number picks one of them)
 * @param handoff the handoff, or null
 * @param escalation the escalation, or null
 * @param source the page behind the answer, or null
 * @param reviewed when a clinician last reviewed that content, or null (with a source: the
 *     content was awaiting clinical review; the status is derived from this, not stored)
 */
public record StoredReply(
    Integer version,
    String action,
    String intent,
    Double confidence,
    List<Bubble> replies,
    List<QuickReply> quickReplies,
    Handoff handoff,
    Escalation escalation,
    Source source,
    LocalDate reviewed) {

  /** The version this build writes. */
  public static final int CURRENT_VERSION = 2;

  /** The oldest version this build reads. */
  public static final int OLDEST_VERSION = 1;

  /** A stored bubble. */
  public record Bubble(String text, List<Link> links) {
  }

  /** A stored link. */
  public record Link(String title, String url) {
  }

  /** A stored choice. */
  public record QuickReply(String title, String payload) {
  }

  /** A stored handoff. */
  public record Handoff(String reason, String urgency, String phone, boolean openNow,
      String hours, String nextOpen, List<String> alternatives, List<String> modes,
      String mode, String status, Integer position, Instant replyBy) {
  }

  /** A stored escalation. */
  public record Escalation(String type, List<String> numbers, String trigger) {
  }

  /** A stored source. */
  public record Source(String title, String url) {
  }
}
