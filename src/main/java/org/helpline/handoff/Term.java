package org.helpline.handoff;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A word of the handoff vocabulary (an urgency, a reason): content, the API and the database
 * name it by its {@link #id()}, the lower-case constant name; the staff console shows its
 * {@link #label()}.
 */
public interface Term {

  /** The constant's name, as the enum declares it. */
  String name();

  /** What the staff console shows. */
  String label();

  /** The name content, the API and the database use. */
  default String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The term of a type that an id names, if any. */
  static <T extends Enum<T> & Term> Optional<T> of(Class<T> type, String id) {
    return Arrays.stream(type.getEnumConstants()).filter(t -> t.id().equals(id)).findFirst();
  }

  /** Every id of a type, in declaration order, for messages that list what content may use. */
  static <T extends Enum<T> & Term> String ids(Class<T> type) {
    return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Term::id).toList());
  }
}
