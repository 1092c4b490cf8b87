package org.helpline.content;

import java.util.List;

/** A topic-specific answer to a follow-up question, used while the dialog is the topic. */
public record ContextAnswer(List<String> intents, List<Bubble> replies) {

  public ContextAnswer {
    intents = intents == null ? List.of() : List.copyOf(intents);
    replies = replies == null ? List.of() : List.copyOf(replies);
  }
}
