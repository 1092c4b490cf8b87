package org.helpline.conversation;

/**
 * What a person sent in one turn: text they typed, or the payload of a quick reply they
 * tapped. Exactly one is set.
 */
public record Utterance(String text, String payload) {

  /** Typed text (already checked: not empty, not too long, no control characters). */
  public static Utterance typed(String text) {
    return new Utterance(text, null);
  }

  /** A tapped quick reply. */
  public static Utterance tapped(String payload) {
    return new Utterance(null, payload.strip());
  }

  public boolean isTap() {
    return payload != null;
  }
}
