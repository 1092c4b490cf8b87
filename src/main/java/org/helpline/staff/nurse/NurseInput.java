package org.helpline.staff.nurse;

import org.helpline.conversation.InvalidMessageException;

/** The check every text a nurse sends goes through: present, not blank, within its limit. */
final class NurseInput {

  private NurseInput() {
  }

  /**
   * Returns the text, or answers 400 (application/problem+json) when it is missing, blank or
   * longer than the limit.
   *
   * @param field the JSON field, named in the message
   * @param hint what to write instead of nothing
   */
  static String required(String text, String field, String hint, int limit) {
    if (text == null || text.isBlank()) {
      throw new InvalidMessageException(field + " must not be empty: " + hint);
    }
    if (text.length() > limit) {
      throw new InvalidMessageException(field + " is " + text.length()
          + " characters long; the limit is " + limit);
    }
    return text;
  }
}
