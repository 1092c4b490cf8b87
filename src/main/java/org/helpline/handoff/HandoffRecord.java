package org.helpline.handoff;

import java.time.Instant;
import java.util.List;

/**
 * An entry for the nurses' queue, as one turn decides it: why, how urgent, and a short summary
 * made of ids and numbers, never the person's words (see {@link HandoffSummary}).
 *
 * <p>A conversation has at most one open entry. A later record for a conversation the nurses
 * already have (an emergency said while waiting) {@link #joinedTo joins} that entry: it raises
 * its urgency and adds to its summary, so the entry moves up the queue instead of appearing
 * twice.
 */
public record HandoffRecord(HandoffReason reason, Urgency urgency, String summary) {

  /** The longest summary the queue keeps. */
  public static final int MAX_SUMMARY = 1000;

  /** This record with every intent the conversation touched appended (ids only). */
  public HandoffRecord withIntentsDiscussed(List<String> intents) {
    String all = (summary == null ? "" : summary)
        + (intents.isEmpty() ? "" : "; intents discussed: " + String.join(", ", intents));
    return new HandoffRecord(reason, urgency, bounded(all));
  }

  /**
   * The open entry once this record has joined it: the more urgent of the two urgencies, and
   * this summary added after the open one's.
   */
  public OpenHandoff joinedTo(OpenHandoff open) {
    String joined = (open.summary() == null ? "" : open.summary() + "; ") + "later: " + summary;
    return new OpenHandoff(open.id(), open.urgency().atLeast(urgency), bounded(joined),
        open.createdAt(), open.mode(), open.chatStatus(), open.replyBy(), open.claimed());
  }

  private static String bounded(String text) {
    return text.length() > MAX_SUMMARY ? text.substring(0, MAX_SUMMARY - 1) + "…" : text;
  }

  /**
   * The entry a conversation has open (or claimed), as far as a turn needs it: to join it, and
   * to know whether the person is in a live chat ({@link LiveChat}).
   *
   * @param mode null (phone), {@link LiveChat#CHAT} or {@link LiveChat#MESSAGE}
   * @param chatStatus where a chat or a message stands, or null
   * @param replyBy when a nurse will reply to a left message, or null
   * @param claimed whether a nurse has claimed the entry
   */
  public record OpenHandoff(String id, Urgency urgency, String summary, Instant createdAt,
      String mode, String chatStatus, Instant replyBy, boolean claimed) {

    /** Whether what the person writes goes to a nurse rather than to the bot. */
    public boolean relays() {
      return LiveChat.relays(mode, chatStatus);
    }

    /** Whether the person is in a live chat, waiting or with a nurse, that they can leave. */
    public boolean inChat() {
      return LiveChat.inChat(mode, chatStatus);
    }

    /** Whether the person agreed to leave a message and is about to write it. */
    public boolean writing() {
      return LiveChat.MESSAGE.equals(mode) && LiveChat.WRITING.equals(chatStatus);
    }
  }
}
