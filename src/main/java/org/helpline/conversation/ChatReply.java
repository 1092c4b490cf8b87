package org.helpline.conversation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.helpline.handoff.LiveChat;
import org.helpline.dialog.Turn;

/**
 * What the bot said in one turn, as every channel sees it: owned by the conversation, so a
 * channel never reads content or dialog types, and renaming a content field cannot change
 * what a channel shows. {@link ChatReplyMapper} builds it from the engine's turn; storage
 * keeps it in its own stored form.
 *
 * @param action answer, clarify, fallback, handoff, escalate, or notice for a kind reply that
 *     is not a turn
 * @param confidence the classifier's probability, rounded to three places, or null
 * @param replies the chat bubbles, in order
 * @param quickReplies the choices offered, in order
 * @param handoff the handoff, or null
 * @param escalation the escalation, or null
 * @param source the page behind the answer, or null when no curated content answered
 * @param reviewed when a clinician last reviewed that content, or null: null with a source
 *     means the content is awaiting clinical review (see {@link #reviewStatus()})
 */
public record ChatReply(
    String action,
    String intent,
    Double confidence,
    List<Message> replies,
    List<Choice> quickReplies,
    Handoff handoff,
    Escalation escalation,
    Source source,
    LocalDate reviewed) {

  /** The action of a kind reply to a message that was not taken as a turn. */
  public static final String NOTICE = "notice";
  /** The review status of content a clinician has reviewed (it has a date). */
  public static final String REVIEWED = "reviewed";
  /** The review status of content no clinician has reviewed yet (a draft, no date). */
  public static final String AWAITING_CLINICAL_REVIEW = "awaiting_clinical_review";

  public ChatReply {
    replies = replies == null ? List.of() : List.copyOf(replies);
    quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
  }

  /** The reply of an engine turn. */
  public static ChatReply of(Turn turn) {
    return ChatReplyMapper.fromTurn(turn);
  }

  /** A kind reply that is not a turn: one bubble, nothing else. */
  public static ChatReply notice(String text) {
    return new ChatReply(NOTICE, null, null, List.of(new Message(text, List.of())), List.of(),
        null, null, null, null);
  }

  /**
   * Whether the content behind this reply has been reviewed by a clinician:
   * {@link #REVIEWED} when it has a review date, {@link #AWAITING_CLINICAL_REVIEW} when it has
   * none, and null when no curated content answered (no source). Derived from the date, so a
   * stored reply needs nothing more to say it.
   */
  public String reviewStatus() {
    if (source == null) {
      return null;
    }
    return reviewed == null ? AWAITING_CLINICAL_REVIEW : REVIEWED;
  }

  /** The same reply with another handoff and choices. */
  public ChatReply with(Handoff newHandoff, List<Choice> choices) {
    return new ChatReply(action, intent, confidence, replies, choices, newHandoff, escalation,
        source, reviewed);
  }

  /** The same reply without its choices, for a channel that shows them as buttons. */
  public ChatReply withoutQuickReplies() {
    return new ChatReply(action, intent, confidence, replies, List.of(), handoff, escalation,
        source, reviewed);
  }

  /** One chat bubble: its text and the links under it. */
  public record Message(String text, List<Link> links) {

    public Message {
      links = links == null ? List.of() : List.copyOf(links);
    }
  }

  /** A link under a bubble: a title and an https (or tel:) address. */
  public record Link(String title, String url) {
  }

  /** A choice the person can tap or answer with its number: a title and the payload sent back. */
  public record Choice(String title, String payload) {
  }

  /**
   * The person should talk to a nurse.
   *
   * @param reason why (asked_for_nurse, personal_medical_advice, ...)
   * @param urgency routine or urgent
   * @param nextOpen when the line opens next, in words, if it is closed
   * @param alternatives what to do while it is closed
   * @param modes how the person can reach the nurses now: phone, and chat while the line is
   *     open ({@link org.helpline.handoff.LiveChat})
   * @param mode how they chose to, once they have: chat, or null
   * @param status where their chat stands (waiting, with_nurse, ...), or null
   * @param position their place in the queue while they wait, or null
   * @param replyBy when a nurse will reply to the message they left, or null
   */
  public record Handoff(String reason, String urgency, String phone, boolean openNow,
      String hours, String nextOpen, List<String> alternatives, List<String> modes,
      String mode, String status, Integer position, Instant replyBy) {

    public Handoff {
      alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
      modes = modes == null ? List.of(LiveChat.PHONE) : List.copyOf(modes);
    }

    /** A handoff that offers the phone only and has no chat. */
    public Handoff(String reason, String urgency, String phone, boolean openNow, String hours,
        String nextOpen, List<String> alternatives) {
      this(reason, urgency, phone, openNow, hours, nextOpen, alternatives, null, null, null,
          null, null);
    }

    /** This handoff offering these modes. */
    public Handoff withModes(List<String> offered) {
      return new Handoff(reason, urgency, phone, openNow, hours, nextOpen, alternatives,
          offered, mode, status, position, replyBy);
    }

    /** This handoff with where the person's chat or message stands. */
    public Handoff in(String chosenMode, String chatStatus, Integer place, Instant replyTime) {
      return new Handoff(reason, urgency, phone, openNow, hours, nextOpen, alternatives, modes,
          chosenMode, chatStatus, place, replyTime);
    }
  }

  /**
   * Emergency or crisis guidance.
   *
   * @param type medical_emergency or self_harm
   * @param trigger what fired it: a safety rule id, or classifier
   */
  public record Escalation(String type, List<String> numbers, String trigger) {

    public Escalation {
      numbers = numbers == null ? List.of() : List.copyOf(numbers);
    }
  }

  /** The page an answer was written from and is checked against. */
  public record Source(String title, String url) {
  }
}
