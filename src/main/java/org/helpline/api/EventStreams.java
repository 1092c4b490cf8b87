package org.helpline.api;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.helpline.storage.DaemonThreads;
import org.helpline.storage.Signals;
import org.jboss.logging.Logger;

/**
 * Server-sent event streams fed from the database: a stream reads what is new when it opens
 * and again after every signal on its topics ({@link Signals}, from any instance), so the
 * database stays the record and a missed signal loses nothing. Reads run on a small pool of
 * their own, one at a time per stream; every open stream gets a comment line now and then, so
 * proxies keep it open.
 */
public final class EventStreams implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EventStreams.class);

  /** One event to send: its id (null for one that is not kept), name and JSON data. */
  public record Event(Long id, String name, String data) {
  }

  /**
   * What a stream sends: called once when it opens and again after each signal, never twice
   * at once for one stream, it answers what is new since the last call. The first call comes
   * after the stream listens to its topics, so a change stored after the stream opened is in
   * that read or brings another; a read made before the stream opened must be made again.
   */
  @FunctionalInterface
  public interface Feed {
    List<Event> next();
  }

  private final Signals signals;
  private final ExecutorService reads;
  private final ScheduledExecutorService keepAlive;
  private final Set<Stream> open = ConcurrentHashMap.newKeySet();

  public EventStreams(Signals signals, Duration keepAliveEvery) {
    this.signals = signals;
    AtomicInteger n = new AtomicInteger();
    this.reads = Executors.newFixedThreadPool(2, r -> DaemonThreads.named(r, "helpline-streams-"
        + n.incrementAndGet()));
    this.keepAlive = Executors.newSingleThreadScheduledExecutor(r -> DaemonThreads.named(r,
        "helpline-streams-keep-alive"));
    long every = Math.max(1, keepAliveEvery.toMillis());
    keepAlive.scheduleAtFixedRate(this::keepAlive, every, every, TimeUnit.MILLISECONDS);
  }

  /** How many streams are open on this instance. */
  public int openStreams() {
    return open.size();
  }

  /**
   * A stream of what {@code feed} answers, read again after each signal on {@code topics} and
   * at each keep-alive (a signal lost on the way delays an event, never loses it).
   */
  public Multi<OutboundSseEvent> stream(Sse sse, List<String> topics, Feed feed) {
    return Multi.createFrom().emitter(emitter -> {
      // Listen first, then read: a change stored in between is then read or signalled.
      Stream stream = new Stream(sse, emitter, feed);
      List<Signals.Subscription> subscriptions = new ArrayList<>();
      for (String topic : topics) {
        subscriptions.add(signals.subscribe(topic, stream::schedule));
      }
      open.add(stream);
      emitter.onTermination(() -> {
        open.remove(stream);
        stream.closed.set(true);
        subscriptions.forEach(Signals.Subscription::close);
      });
      stream.schedule();
    });
  }

  private void keepAlive() {
    for (Stream stream : open) {
      stream.emitter.emit(stream.sse.newEventBuilder().comment("keep-alive").build());
      stream.schedule();
    }
  }

  @Override
  public void close() {
    keepAlive.shutdownNow();
    reads.shutdownNow();
    open.forEach(s -> s.emitter.complete());
  }

  /** One open stream: its reads run one at a time, and a signal during a read reads again. */
  private final class Stream {

    final Sse sse;
    final MultiEmitter<? super OutboundSseEvent> emitter;
    final Feed feed;
    final AtomicBoolean closed = new AtomicBoolean();
    final AtomicInteger pending = new AtomicInteger();

    Stream(Sse sse, MultiEmitter<? super OutboundSseEvent> emitter, Feed feed) {
      this.sse = sse;
      this.emitter = emitter;
      this.feed = feed;
    }

    void schedule() {
      // Only the first of several signals starts a read; the read loops while more came.
      if (pending.getAndIncrement() == 0) {
        try {
          reads.execute(this::drain);
        } catch (RejectedExecutionException e) {
          emitter.complete();
        }
      }
    }

    private void drain() {
      do {
        pending.set(1);
        if (closed.get()) {
          return;
        }
        try {
          for (Event e : feed.next()) {
            OutboundSseEvent.Builder b = sse.newEventBuilder().name(e.name())
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(String.class, e.data());
            if (e.id() != null) {
              b.id(Long.toString(e.id()));
            }
            emitter.emit(b.build());
          }
        } catch (RuntimeException e) {
          // The database may be away for a moment: the next signal or keep-alive reads again.
          LOG.warnf("a stream could not read its events: %s", e.getClass().getSimpleName());
        }
      } while (pending.decrementAndGet() > 0);
    }
  }
}
