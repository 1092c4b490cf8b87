package org.helpline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.sse.OutboundSseEvent;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.helpline.conversation.StorageUnavailableException;
import org.helpline.handoff.ChatEvent;
import org.helpline.handoff.HandoffQueue;
import org.helpline.handoff.PersonPresence;
import org.helpline.storage.InProcessSignals;
import org.helpline.storage.JdbcHandoffQueue;
import org.jboss.resteasy.reactive.server.jaxrs.SseImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A conversation's live stream against stored events and in-process signals, with a keep-alive
 * far beyond the test's patience: an event that arrives came from a read after a signal or
 * from the stream's first read, never from the backstop.
 */
class LiveStreamsTest {

  private static final Duration PATIENCE = Duration.ofSeconds(10);

  private final String conversation = UUID.randomUUID().toString();
  private final String topic = JdbcHandoffQueue.conversationTopic(conversation);
  private final InProcessSignals signals = new InProcessSignals();
  private final EventStreams streams = new EventStreams(signals, Duration.ofHours(1));
  private final StoredChat stored = new StoredChat();
  private final PersonPresence presence = new PersonPresence() {
    @Override
    public void opened(String conversationId) {
    }

    @Override
    public void closed(String conversationId) {
    }

    @Override
    public boolean here(String conversationId) {
      return false;
    }
  };
  private final LiveStreams live = new LiveStreams(streams, stored.queue(), presence,
      new ObjectMapper());

  @AfterEach
  void close() {
    streams.close();
    signals.close();
  }

  @Test
  void anEventStoredBeforeTheStreamListensIsSent() throws InterruptedException {
    stored.add(ChatEvent.STATUS, "{\"status\":\"waiting\"}");
    // The request reads (and would answer 404) before the stream is subscribed and listens.
    Multi<OutboundSseEvent> person = live.person(SseImpl.INSTANCE, conversation, 0);
    Multi<OutboundSseEvent> staff = live.staff(SseImpl.INSTANCE, conversation, 0, false);
    // A nurse claims in between, on this instance or another: its signal reaches nobody.
    stored.add(ChatEvent.STATUS, "{\"status\":\"with_nurse\"}");
    signals.publish(topic);

    for (Multi<OutboundSseEvent> stream : List.of(person, staff)) {
      BlockingQueue<OutboundSseEvent> sent = subscribe(stream);
      assertEquals("1", next(sent).getId());
      OutboundSseEvent claimed = next(sent);
      assertEquals("2", claimed.getId());
      assertTrue(String.valueOf(claimed.getData()).contains("with_nurse"), claimed.toString());
    }
  }

  @Test
  void aStreamWhoseReadFailedSendsTheFirstEventsOnTheNextSignal() throws InterruptedException {
    stored.add(ChatEvent.MESSAGE, "{\"text\":\"first\"}");
    Multi<OutboundSseEvent> person = live.person(SseImpl.INSTANCE, conversation, 0);
    stored.failNextReads(1);

    BlockingQueue<OutboundSseEvent> sent = subscribe(person);
    stored.add(ChatEvent.MESSAGE, "{\"text\":\"second\"}");
    signals.publish(topic);

    assertEquals("1", next(sent).getId());
    assertEquals("2", next(sent).getId());
  }

  private static BlockingQueue<OutboundSseEvent> subscribe(Multi<OutboundSseEvent> stream) {
    BlockingQueue<OutboundSseEvent> sent = new LinkedBlockingQueue<>();
    stream.subscribe().with(sent::add);
    return sent;
  }

  /** The next event with an id (keep-alive comments and place updates skipped). */
  private static OutboundSseEvent next(BlockingQueue<OutboundSseEvent> sent)
      throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      OutboundSseEvent e = sent.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      assertTrue(e != null, "an event within " + PATIENCE);
      if (e.getId() != null) {
        return e;
      }
    }
  }

  /** One conversation's stored chat events, as a queue answers them to its streams. */
  private final class StoredChat {

    private final List<ChatEvent> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger failing = new AtomicInteger();

    void add(String kind, String data) {
      events.add(new ChatEvent(events.size() + 1, kind, data, Instant.EPOCH));
    }

    /** The next reads fail, as they do while the database is away. */
    void failNextReads(int reads) {
      failing.set(reads);
    }

    List<ChatEvent> events(String conversationId, long after, boolean forStaff) {
      if (failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new StorageUnavailableException("the database is away for this test", null);
      }
      assertEquals(conversation, conversationId);
      List<ChatEvent> out = new ArrayList<>();
      for (ChatEvent e : events) {
        if (e.id() > after && (forStaff || e.forPerson())) {
          out.add(e);
        }
      }
      return out;
    }

    /** A queue that makes only the reads a stream makes; nobody waits in it. */
    HandoffQueue queue() {
      return (HandoffQueue) Proxy.newProxyInstance(HandoffQueue.class.getClassLoader(),
          new Class<?>[] {HandoffQueue.class}, (proxy, method, args) -> switch (method.getName()) {
            case "events" -> events((String) args[0], (Long) args[1], (Boolean) args[2]);
            case "chatPlace" -> Optional.empty();
            default -> throw new UnsupportedOperationException(method.getName());
          });
    }
  }
}
