package org.helpline.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded typing errors for the typo-tolerance figures: each message gets one or two character
 * edits (a letter deleted, doubled, replaced by a neighbour on the keyboard, or swapped with the
 * next one), always inside a word and never in its first letter.
 */
public final class Typos {

  /** Fixed so that every run measures the same misspelt copy. */
  public static final long SEED = 20261129L;

  private static final String[] ROWS = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};

  private Typos() {
  }

  /** A copy of the messages, each with one or two edits, the same for every run. */
  public static List<LabelledText> of(List<LabelledText> messages) {
    Random random = new Random(SEED);
    List<LabelledText> out = new ArrayList<>(messages.size());
    for (LabelledText m : messages) {
      String text = m.text();
      int edits = 1 + random.nextInt(2);
      for (int e = 0; e < edits; e++) {
        text = edit(text, random);
      }
      out.add(new LabelledText(m.intent(), text));
    }
    return out;
  }

  /** One edit at a random letter that follows another letter; unchanged if there is none. */
  static String edit(String text, Random random) {
    List<Integer> places = new ArrayList<>();
    for (int i = 1; i < text.length(); i++) {
      if (Character.isLetter(text.charAt(i)) && Character.isLetter(text.charAt(i - 1))) {
        places.add(i);
      }
    }
    if (places.isEmpty()) {
      return text;
    }
    int i = places.get(random.nextInt(places.size()));
    char c = text.charAt(i);
    StringBuilder b = new StringBuilder(text);
    switch (random.nextInt(4)) {
      case 0 -> b.deleteCharAt(i);
      case 1 -> b.insert(i, c);
      case 2 -> b.setCharAt(i, neighbour(c, random));
      default -> {
        if (i + 1 < b.length() && Character.isLetter(b.charAt(i + 1))) {
          b.setCharAt(i, b.charAt(i + 1));
          b.setCharAt(i + 1, c);
        } else {
          b.deleteCharAt(i);
        }
      }
    }
    return b.toString();
  }

  private static char neighbour(char c, Random random) {
    char lower = Character.toLowerCase(c);
    for (String row : ROWS) {
      int at = row.indexOf(lower);
      if (at >= 0) {
        int to = at == 0 ? 1 : at == row.length() - 1 ? at - 1
            : at + (random.nextBoolean() ? 1 : -1);
        return row.charAt(to);
      }
    }
    return (char) ('a' + random.nextInt(26));
  }
}
