package org.helpline.handoff;

import java.time.Instant;
import java.util.List;

/**
 * The stored, redacted turns of a handed-off conversation, and the messages of its live chat
 * or left message (the person's, the nurses' and the bot's), in order.
 */
public record HandoffTranscript(String handoffId, String conversationId, String channel,
    List<Entry> turns, List<ChatEvent> chat) {

  public HandoffTranscript {
    turns = List.copyOf(turns);
    chat = List.copyOf(chat);
  }

  /**
   * One turn: the person's text as stored (redacted), and what the bot did and said.
   *
   * @param confidence the classifier's probability, or null
   */
  public record Entry(int seq, Instant at, String userText, String action, String intent,
      Double confidence, List<String> botTexts) {

    public Entry {
      botTexts = List.copyOf(botTexts);
    }
  }
}
