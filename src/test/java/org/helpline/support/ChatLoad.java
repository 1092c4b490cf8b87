package org.helpline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Many concurrent web chat conversations against a running bot, over real HTTP
 * (java.net.http), with realistic, varied messages: the training examples in {@code intents/}.
 * Each conversation is one thread that sends a message, waits for the reply, pauses a little
 * and goes on; after a number of turns it starts a new conversation. Every reply with HTTP 200
 * is an acknowledged turn, remembered with the message id it was sent with, so that
 * {@link TranscriptCheck} can find it in the database afterwards.
 *
 * <p>Run from the command line by {@code bench/soak.sh}; used in-process by
 * RestartUnderLoadIT.
 */
public final class ChatLoad {

  /**
   * One acknowledged turn: the reply's conversation, turn number and action ({@code answer},
   * {@code handoff}, {@code escalate}...), and our message id.
   */
  public record Ack(String conversationId, int turn, String messageId, String action) {

    /** Whether the nurses' queue must have this conversation after this turn. */
    public boolean queued() {
      return "handoff".equals(action) || "escalate".equals(action);
    }
  }

  private static final Pattern CONVERSATION = Pattern.compile("\"conversationId\":\"([^\"]+)\"");
  private static final Pattern TURN = Pattern.compile("\"turn\":(\\d+)");
  private static final Pattern ACTION = Pattern.compile("\"action\":\"([a-z_]+)\"");

  private final URI chat;
  private final List<String> messages;
  private final int turnsPerConversation;
  private final long maxPauseMillis;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final AtomicBoolean running = new AtomicBoolean();
  private final List<Thread> threads = new ArrayList<>();
  /** Acknowledged turns by client conversation (a thread), in the order they were sent. */
  private final List<Ack> acks = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong sent = new AtomicLong();
  private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();

  /**
   * @param baseUrl the bot, e.g. http://127.0.0.1:18081
   * @param intents the {@code intents/} directory whose examples are the messages
   * @param turnsPerConversation turns before a conversation is left and a new one started
   * @param maxPauseMillis each conversation pauses up to this long between turns
   */
  public ChatLoad(String baseUrl, Path intents, int turnsPerConversation, long maxPauseMillis) {
    this.chat = URI.create(baseUrl + "/api/v1/chat");
    this.messages = examples(intents);
    this.turnsPerConversation = turnsPerConversation;
    this.maxPauseMillis = maxPauseMillis;
  }

  /** Every training example (comments, blanks and {@code _} files left out). */
  static List<String> examples(Path intents) {
    try (Stream<Path> files = Files.list(intents)) {
      List<String> all = new ArrayList<>();
      for (Path f : files.filter(p -> p.toString().endsWith(".txt"))
          .filter(p -> !p.getFileName().toString().startsWith("_")).sorted().toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          String text = line.strip();
          if (!text.isEmpty() && !text.startsWith("#")) {
            all.add(text);
          }
        }
      }
      if (all.isEmpty()) {
        throw new IllegalArgumentException("no examples in " + intents);
      }
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts this many conversations, each on its own thread. */
  public synchronized void start(int conversations) {
    running.set(true);
    for (int i = 0; i < conversations; i++) {
      Thread t = new Thread(this::converse, "chat-load-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  /** Stops every conversation after its current turn and waits for them. */
  public synchronized void stop() throws InterruptedException {
    running.set(false);
    for (Thread t : threads) {
      t.join(Duration.ofSeconds(30).toMillis());
    }
  }

  /** Acknowledged turns so far. */
  public List<Ack> acks() {
    synchronized (acks) {
      return List.copyOf(acks);
    }
  }

  public long sent() {
    return sent.get();
  }

  /** Requests that got no 200, by cause (HTTP status, or the exception's class). */
  public Map<String, Long> failures() {
    Map<String, Long> copy = new TreeMap<>();
    failures.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }

  private void converse() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String conversationId = null;
    int turns = 0;
    while (running.get()) {
      if (turns >= turnsPerConversation) {
        conversationId = null;
        turns = 0;
      }
      String messageId = UUID.randomUUID().toString();
      String text = messages.get(random.nextInt(messages.size()));
      String body = "{" + (conversationId == null ? ""
          : "\"conversationId\":\"" + conversationId + "\",") + "\"messageId\":\"" + messageId
          + "\",\"text\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
      sent.incrementAndGet();
      try {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(chat)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          Matcher id = CONVERSATION.matcher(response.body());
          Matcher turn = TURN.matcher(response.body());
          Matcher action = ACTION.matcher(response.body());
          if (!id.find() || !turn.find() || !action.find()) {
            failures.computeIfAbsent("unreadable 200", k -> new AtomicLong()).incrementAndGet();
          } else {
            conversationId = id.group(1);
            acks.add(new Ack(conversationId, Integer.parseInt(turn.group(1)), messageId,
                action.group(1)));
            turns++;
          }
        } else {
          failures.computeIfAbsent("HTTP " + response.statusCode(), k -> new AtomicLong())
              .incrementAndGet();
        }
      } catch (IOException e) {
        failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong())
            .incrementAndGet();
        pause(random, 200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      pause(random, maxPauseMillis);
    }
  }

  private static void pause(ThreadLocalRandom random, long maxMillis) {
    if (maxMillis <= 0) {
      return;
    }
    try {
      Thread.sleep(random.nextLong(maxMillis + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Writes the acknowledged turns, one per line: conversation id, turn, message id, action.
   */
  public void writeAcks(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Ack a : acks()) {
      lines.add(a.conversationId() + "\t" + a.turn() + "\t" + a.messageId() + "\t"
          + a.action());
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  /** Reads what {@link #writeAcks} wrote. */
  public static List<Ack> readAcks(Path file) throws IOException {
    List<Ack> read = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] parts = line.split("\t");
      read.add(new Ack(parts[0], Integer.parseInt(parts[1]), parts[2], parts[3]));
    }
    return read;
  }

  /**
   * {@code run BASE_URL CONVERSATIONS SECONDS ACKS_FILE [MAX_PAUSE_MS]}: runs the load from the
   * current directory's {@code intents/}, writes the acknowledged turns and prints a summary
   * line; exits 1 when any request failed.
   */
  public static void main(String[] args) throws Exception {
    ChatLoad load = new ChatLoad(args[0], Path.of("intents"), 20,
        args.length > 4 ? Long.parseLong(args[4]) : 500);
    load.start(Integer.parseInt(args[1]));
    Thread.sleep(Duration.ofSeconds(Long.parseLong(args[2])).toMillis());
    load.stop();
    load.writeAcks(Path.of(args[3]));
    System.out.println("load: sent=" + load.sent() + " acknowledged=" + load.acks().size()
        + " failed=" + load.failures());
    System.exit(load.failures().isEmpty() ? 0 : 1);
  }
}
