package org.helpline.content;

import java.util.List;

/** One curated chat bubble: its text and optional links. */
public record Bubble(String text, List<Link> links) {

  public Bubble {
    links = links == null ? List.of() : List.copyOf(links);
  }

  public Bubble(String text) {
    this(text, List.of());
  }
}
