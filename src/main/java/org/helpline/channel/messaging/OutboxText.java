package org.helpline.channel.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.helpline.content.HandoffTexts;
import org.helpline.conversation.ChatReply;
import org.helpline.conversation.NurseChat;
import org.helpline.handoff.ChatEvent;
import org.helpline.handoff.LiveChat;

/**
 * What a person in a messaging app reads for one event of their chat, in the content's words
 * ({@code handoff.chat.app}): a nurse's message, a nurse joining, the chat handed back to the
 * bot or closed, and the system's offers (with their choices). Anything else (their own
 * messages, a place in the queue) is not sent.
 */
public final class OutboxText {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private OutboxText() {
  }

  /** What the person reads for an event of this kind with this data, if anything. */
  public static Optional<ChatReply> of(String kind, String data, HandoffTexts.AppTexts texts,
      String phone) {
    return text(kind, data, texts, phone).map(text -> new ChatReply(NurseChat.RELAYED, null,
        null, List.of(new ChatReply.Message(text, List.of())), choices(kind, data), null, null,
        null, null));
  }

  private static Optional<String> text(String kind, String data, HandoffTexts.AppTexts texts,
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
    if (ChatEvent.MESSAGE.equals(kind) && ChatEvent.SYSTEM.equals(node.path("from").asText())) {
      return Optional.of(node.path("text").asText());
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

  /** The choices a system message offers (title and payload), as quick replies. */
  private static List<ChatReply.Choice> choices(String kind, String data) {
    if (!ChatEvent.MESSAGE.equals(kind)) {
      return List.of();
    }
    try {
      List<ChatReply.Choice> out = new ArrayList<>();
      for (JsonNode c : JSON.readTree(data).path("choices")) {
        out.add(new ChatReply.Choice(c.path("title").asText(), c.path("payload").asText()));
      }
      return out;
    } catch (IOException e) {
      return List.of();
    }
  }
}
