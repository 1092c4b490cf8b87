package org.helpline.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/**
 * Checks on the text of a chat as a person or a nurse sees it in the browser: each message is
 * there once, in order, with nothing echoed or replayed.
 */
public final class ChatTranscripts {

  private ChatTranscripts() {
  }

  /** How often {@code part} appears in {@code text}, without overlaps. */
  public static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }

  /** Each part appears exactly once, and in this order. */
  public static void assertOnceInOrder(String text, List<String> parts) {
    int at = -1;
    for (String part : parts) {
      assertEquals(1, count(text, part), "once: " + part + " in\n" + text);
      int here = text.indexOf(part);
      assertTrue(here > at, "in order: " + part + " in\n" + text);
      at = here;
    }
  }

  /**
   * Lets an echo or a replayed event arrive, if one were (wrongly) coming, before a test checks
   * that it did not.
   */
  public static void settle() {
    try {
      Thread.sleep(1500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
