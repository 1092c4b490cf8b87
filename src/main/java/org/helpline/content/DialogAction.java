package org.helpline.content;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a dialog does when its intent is recognised. */
public enum DialogAction {
  ANSWER, CLARIFY, FALLBACK, HANDOFF, ESCALATE;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the lower-case name used in content and in the chat contract. */
  @JsonCreator
  public static DialogAction of(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT));
  }
}
