package org.helpline.handoff;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * A word of the handoff vocabulary (an urgency, a reason): content, the API and the database
 * name it by its {@link #id()}, the lower-case constant name; the staff console shows its
 * {@link #label()}, from {@code labels.properties} beside this class.
 */
public interface Term {

  /** The constant's name, as the enum declares it. */
  String name();

  /** What the staff console shows. */
  default String label() {
    String key = ((Enum<?>) this).getDeclaringClass().getSimpleName() + "." + id();
    String label = Labels.ALL.getProperty(key);
    if (label == null) {
      throw new IllegalStateException("handoff/labels.properties has no " + key);
    }
    return label;
  }

  /** The name content, the API and the database use. */
  default String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The term of a type that an id names, if any. */
  static <T extends Enum<T> & Term> Optional<T> of(Class<T> type, String id) {
    return Arrays.stream(type.getEnumConstants()).filter(t -> t.id().equals(id)).findFirst();
  }

  /** The labels file, read once. */
  final class Labels {
    static final Properties ALL = read();

    private Labels() {
    }

    private static Properties read() {
      Properties labels = new Properties();
      InputStream in = Term.class.getResourceAsStream("labels.properties");
      if (in == null) {
        throw new IllegalStateException("handoff/labels.properties is not packaged");
      }
      try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        labels.load(reader);
      } catch (IOException e) {
        throw new IllegalStateException("handoff/labels.properties cannot be read", e);
      }
      return labels;
    }
  }

  /** Every id of a type, in declaration order, for messages that list what content may use. */
  static <T extends Enum<T> & Term> String ids(Class<T> type) {
    return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Term::id).toList());
  }
}
