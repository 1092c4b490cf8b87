package org.helpline.conversation;

import java.util.List;

/**
 * The numbers a channel shows a person: the nurse helpline, how to dial it, the emergency
 * number and the other services the content names (NHS 111, Samaritans).
 *
 * @param phone the helpline number as people read it
 * @param phoneUri the same number as a {@code tel:} URI
 * @param emergency the emergency number, or null before the content is loaded
 * @param otherNumbers other numbers the content gives; empty before the content is loaded
 * @param hours the opening hours in words, or null before the content is loaded
 */
public record HelplineContact(String phone, String phoneUri, String emergency,
    List<String> otherNumbers, String hours) {

  public HelplineContact {
    otherNumbers = otherNumbers == null ? List.of() : List.copyOf(otherNumbers);
  }

  /** Only the helpline number (from configuration, before content is loaded). */
  public static HelplineContact phoneOnly(String phone) {
    return new HelplineContact(phone, "tel:" + phone.replaceAll("[^0-9+]", ""), null,
        List.of(), null);
  }
}
