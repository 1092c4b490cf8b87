package org.helpline.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.helpline.conversation.ConversationService;
import org.helpline.conversation.InvalidMessageException;
import org.helpline.handoff.ChatEvent;
import org.helpline.handoff.HandoffQueue;
import org.helpline.handoff.LiveChat;
import org.helpline.handoff.PersonPresence;
import org.helpline.handoff.QueuedHandoff;
import org.helpline.storage.JdbcHandoffQueue;

/**
 * The three live streams of the nurse chat, over {@link EventStreams}: a person's chat, a
 * nurse's view of one conversation (with safety alerts), and the nurses' queue.
 */
public final class LiveStreams {

  private static final Pattern DIGITS = Pattern.compile("^[0-9]{1,18}$");
  private static final Set<String> LIVE = Set.of(QueuedHandoff.OPEN, QueuedHandoff.CLAIMED);

  /** The event that tells a nurse whether the person has their web chat open. */
  public static final String PRESENCE = "presence";

  private final EventStreams streams;
  private final HandoffQueue queue;
  private final PersonPresence presence;
  private final ObjectMapper json;

  public LiveStreams(EventStreams streams, HandoffQueue queue, PersonPresence presence,
      ObjectMapper json) {
    this.streams = streams;
    this.queue = queue;
    this.presence = presence;
    this.json = json;
  }

  /** A conversation id from a path, checked: 400 unless it has the form of one. */
  public static String conversationId(String raw) {
    if (!ConversationService.isConversationId(raw)) {
      throw new InvalidMessageException("the conversation id is not one this service gives");
    }
    return raw;
  }

  /** The id of the last event a client has: 0 when absent; 400 unless a whole number. */
  public static long lastEventId(String raw) {
    if (raw == null || raw.isBlank()) {
      return 0;
    }
    if (!DIGITS.matcher(raw.strip()).matches()) {
      throw new InvalidMessageException("Last-Event-ID must be the id of an event");
    }
    return Long.parseLong(raw.strip());
  }

  /**
   * A person's chat: its events (never the nurses' alerts) and, while they wait, their place
   * in the queue whenever it moves. While it is open, the person counts as here.
   *
   * @throws org.helpline.handoff.UnknownConversationException when there is no such
   *     conversation (before anything is streamed: 404)
   */
  public Multi<OutboundSseEvent> person(Sse sse, String conversationId, long after) {
    Cursor cursor = new Cursor(conversationId, after, false);
    cursor.first = queue.events(conversationId, after, false);
    Integer[] place = {null};
    return streams.stream(sse, List.of(JdbcHandoffQueue.conversationTopic(conversationId)),
        () -> {
          List<EventStreams.Event> out = cursor.next();
          Optional<Integer> now = queue.chatPlace(conversationId);
          if (now.isPresent() && !now.get().equals(place[0])) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("mode", LiveChat.CHAT);
            data.put("status", LiveChat.WAITING);
            data.put("position", now.get());
            out.add(new EventStreams.Event(null, ChatEvent.STATUS, write(data)));
          }
          place[0] = now.orElse(null);
          return out;
        })
        .onSubscription().invoke(() -> presence.opened(conversationId))
        .onTermination().invoke(() -> presence.closed(conversationId));
  }

  /**
   * A conversation as a nurse sees it: every event, safety alerts included, and for the web
   * chat whether the person has it open ({@value #PRESENCE} {@code {"here": true|false}},
   * not kept, sent when the stream opens and whenever it changes).
   *
   * @param web whether the person writes in the web chat (a messaging app has no presence)
   * @throws org.helpline.handoff.UnknownConversationException when there is no such
   *     conversation
   */
  public Multi<OutboundSseEvent> staff(Sse sse, String conversationId, long after,
      boolean web) {
    Cursor cursor = new Cursor(conversationId, after, true);
    cursor.first = queue.events(conversationId, after, true);
    Boolean[] shown = {null};
    return streams.stream(sse, List.of(JdbcHandoffQueue.conversationTopic(conversationId)),
        () -> {
          List<EventStreams.Event> out = cursor.next();
          if (web) {
            boolean here = presence.here(conversationId);
            if (!Boolean.valueOf(here).equals(shown[0])) {
              out.add(new EventStreams.Event(null, PRESENCE, write(Map.of("here", here))));
              shown[0] = here;
            }
          }
          return out;
        });
  }

  /**
   * The nurses' queue: every open and claimed entry when the stream opens, then each entry
   * whose state changes (closed ones once, as they leave), as {@code handoff} events.
   *
   * @param view the entry as the staff API shows it
   */
  public Multi<OutboundSseEvent> queue(Sse sse, Function<QueuedHandoff, Object> view) {
    Map<String, QueuedHandoff> sent = new HashMap<>();
    return streams.stream(sse, List.of(JdbcHandoffQueue.QUEUE_TOPIC), () -> {
      List<EventStreams.Event> out = new ArrayList<>();
      Map<String, QueuedHandoff> now = new HashMap<>();
      for (QueuedHandoff h : queue.list(LIVE)) {
        now.put(h.id(), h);
        if (!h.equals(sent.get(h.id()))) {
          out.add(new EventStreams.Event(null, "handoff", write(view.apply(h))));
        }
      }
      for (String gone : sent.keySet()) {
        if (!now.containsKey(gone)) {
          queue.find(gone).ifPresent(h -> out.add(new EventStreams.Event(null, "handoff",
              write(view.apply(h)))));
        }
      }
      sent.clear();
      sent.putAll(now);
      return out;
    });
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a live event could not be written as JSON", e);
    }
  }

  /** Where a conversation's stream is: the last event id it sent. */
  private final class Cursor {

    final String conversationId;
    final boolean forStaff;
    long last;
    List<ChatEvent> first;

    Cursor(String conversationId, long after, boolean forStaff) {
      this.conversationId = conversationId;
      this.last = after;
      this.forStaff = forStaff;
    }

    /**
     * What is new. The first call sends the events of the read made when the stream was asked
     * for (it answered 404 for an unknown conversation), then reads again: that read came
     * before the stream listened to the conversation's topic, so what was stored between the
     * two was signalled to nobody and is found only now. Nothing moves if a read fails.
     */
    List<EventStreams.Event> next() {
      List<EventStreams.Event> out = new ArrayList<>();
      long sent = first == null ? last : add(first, last, out);
      sent = add(queue.events(conversationId, sent, forStaff), sent, out);
      first = null;
      last = sent;
      return out;
    }

    /** Adds to {@code out} the events after {@code after}; answers the last id then sent. */
    private long add(List<ChatEvent> events, long after, List<EventStreams.Event> out) {
      long sent = after;
      for (ChatEvent e : events) {
        if (e.id() > sent) {
          out.add(new EventStreams.Event(e.id(), e.kind(), e.data()));
          sent = e.id();
        }
      }
      return sent;
    }
  }
}
