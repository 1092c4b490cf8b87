package org.helpline.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.function.Function;
import org.helpline.conversation.ChatReply;

/**
 * Joins {@link ChatReply} and its stored form, {@link StoredReply}, and holds the one JSON
 * configuration for {@code turn.reply_json}: every store reads and writes replies here.
 * Reading is strict: an unknown field, an unknown version or a missing action throws
 * {@link UnreadableReplyException} naming the problem, rather than replaying a reply that
 * has silently lost its parts.
 */
public final class StoredReplies {

  private static final ObjectMapper JSON = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  private StoredReplies() {
  }

  /** The reply as {@code reply_json}, in the current version. */
  public static String write(ChatReply reply) {
    try {
      return JSON.writeValueAsString(toStored(reply));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a reply could not be written as JSON", e);
    }
  }

  /**
   * The reply a {@code reply_json} holds.
   *
   * @throws UnreadableReplyException when it is not JSON, has an unknown field or version,
   *     or lacks its action
   */
  public static ChatReply read(String json) {
    StoredReply stored;
    try {
      stored = JSON.readValue(json, StoredReply.class);
    } catch (UnrecognizedPropertyException e) {
      throw new UnreadableReplyException("a stored reply has the unknown field '"
          + e.getPropertyName() + "' at " + e.getPathReference(), e);
    } catch (JsonProcessingException e) {
      throw new UnreadableReplyException("a stored reply is not the JSON of a reply: "
          + e.getOriginalMessage(), e);
    }
    if (stored == null) {
      throw new UnreadableReplyException("a stored reply is JSON null");
    }
    int version = stored.version() == null ? 1 : stored.version();
    if (version < StoredReply.OLDEST_VERSION || version > StoredReply.CURRENT_VERSION) {
      throw new UnreadableReplyException("a stored reply has version " + version
          + "; this build reads versions " + StoredReply.OLDEST_VERSION + " to "
          + StoredReply.CURRENT_VERSION);
    }
    if (stored.action() == null) {
      throw new UnreadableReplyException("a stored reply (version " + version + ") has no action");
    }
    return toReply(stored);
  }

  /** The stored form of a reply, in the current version. */
  static StoredReply toStored(ChatReply r) {
    ChatReply.Handoff h = r.handoff();
    ChatReply.Escalation e = r.escalation();
    return new StoredReply(StoredReply.CURRENT_VERSION, r.action(), r.intent(), r.confidence(),
        map(r.replies(), b -> new StoredReply.Bubble(b.text(), map(b.links(),
            l -> new StoredReply.Link(l.title(), l.url())))),
        map(r.quickReplies(), q -> new StoredReply.QuickReply(q.title(), q.payload())),
        h == null ? null : new StoredReply.Handoff(h.reason(), h.urgency(), h.phone(),
            h.openNow(), h.hours(), h.nextOpen(), h.alternatives(), h.modes(), h.mode(),
            h.status(), h.position(), h.replyBy()),
        e == null ? null : new StoredReply.Escalation(e.type(), e.numbers(), e.trigger()),
        r.source() == null ? null : new StoredReply.Source(r.source().title(),
            r.source().url()),
        r.reviewed());
  }

  /** The reply a stored form holds (version 1 has no modes: the phone only). */
  static ChatReply toReply(StoredReply s) {
    StoredReply.Handoff h = s.handoff();
    StoredReply.Escalation e = s.escalation();
    return new ChatReply(s.action(), s.intent(), s.confidence(),
        map(s.replies(), b -> new ChatReply.Message(b.text(), map(b.links(),
            l -> new ChatReply.Link(l.title(), l.url())))),
        map(s.quickReplies(), q -> new ChatReply.Choice(q.title(), q.payload())),
        h == null ? null : new ChatReply.Handoff(h.reason(), h.urgency(), h.phone(),
            h.openNow(), h.hours(), h.nextOpen(), h.alternatives(), h.modes(), h.mode(),
            h.status(), h.position(), h.replyBy()),
        e == null ? null : new ChatReply.Escalation(e.type(), e.numbers(), e.trigger()),
        s.source() == null ? null : new ChatReply.Source(s.source().title(),
            s.source().url()),
        s.reviewed());
  }

  private static <A, B> List<B> map(List<A> list, Function<A, B> f) {
    return list == null ? List.of() : list.stream().map(f).toList();
  }
}
