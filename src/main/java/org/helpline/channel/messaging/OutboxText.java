package org.helpline.channel.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Optional;
import org.helpline.content.HandoffTexts;
import org.helpline.handoff.ChatEvent;
import org.helpline.handoff.LiveChat;

/**
 * What a person in a messaging app reads for one event of their chat, in the content's words
 * ({@code handoff.chat.app}): a nurse's message, a nurse joining, the chat handed back to the
 * bot or closed. Anything else (their own messages, a place in the queue) is not sent.
 */
public final class OutboxText {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private OutboxText() {
  }

  /** The text for an event of this kind with this data, if the person should read one. */
  public static Optional<String> of(String kind, String data, HandoffTexts.AppTexts texts,
      String phone) {
    JsonNode node;
    try {
      node = JSON.readTree(data);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (ChatEvent.MESSAGE.equals(kind) && ChatEvent.NURSE.equals(node.path("from").asText())) {
      return Optional.of(texts.nurse().replace("{text}", node.path("text").asText()));
    }
    if (!ChatEvent.STATUS.equals(kind)) {
      return Optional.empty();
    }
    return switch (node.path("status").asText()) {
      case LiveChat.WITH_NURSE -> Optional.of(texts.joined());
      case LiveChat.BACK_WITH_BOT -> Optional.of(texts.returned());
      case LiveChat.CLOSED -> Optional.of(texts.closed().replace("{phone}", phone));
      default -> Optional.empty();
    };
  }
}
