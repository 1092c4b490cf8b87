package org.helpline.eval;

/** A message with the intent a person would expect. */
public record LabelledText(String intent, String text) {
}
