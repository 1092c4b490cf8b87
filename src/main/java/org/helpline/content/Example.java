package org.helpline.content;

/** One training example and where it was written. */
public record Example(String intent, String text, String file, int line) {
}
