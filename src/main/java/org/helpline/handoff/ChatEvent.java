package org.helpline.handoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event of a live chat, as the person's and the nurse's streams send it: an {@code id}
 * that increases within the conversation, a {@code kind} ({@value #MESSAGE}, {@value #STATUS},
 * or {@value #ALERT} for staff only) and its JSON {@code data}, stored as sent, so a stream
 * resumed with {@code Last-Event-ID} sends exactly what it would have sent.
 */
public record ChatEvent(long id, String kind, String data, Instant at) {

  public static final String MESSAGE = "message";
  public static final String STATUS = "status";
  public static final String ALERT = "alert";

  /** Who wrote a message. */
  public static final String PERSON = "person";
  public static final String NURSE = "nurse";
  public static final String BOT = "bot";
  public static final String SYSTEM = "system";

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** Whether the person's own stream shows it (alerts are for the nurses). */
  public boolean forPerson() {
    return !ALERT.equals(kind);
  }

  /**
   * An event not yet stored: its id is given when it is.
   *
   * @param from who wrote a message, or null
   * @param staffName the nurse who wrote it, for the audit, or null
   */
  public record Draft(String kind, String from, String data, String staffName) {
  }

  /** A message from the person, a nurse (named, for the audit), the bot or the system. */
  public static Draft message(String from, String text, Instant at, String staffName) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("from", from);
    data.put("text", text);
    data.put("at", at.toString());
    return new Draft(MESSAGE, from, json(data), staffName);
  }

  /**
   * A message from the system with choices the person can tap (title to the payload it sends,
   * in order), such as leaving a message when no nurse has been free to chat.
   */
  public static Draft offer(String text, Map<String, String> choices, Instant at) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("from", SYSTEM);
    data.put("text", text);
    data.put("at", at.toString());
    data.put("choices", choices.entrySet().stream().map(c -> {
      Map<String, String> choice = new LinkedHashMap<>();
      choice.put("title", c.getKey());
      choice.put("payload", c.getValue());
      return choice;
    }).toList());
    return new Draft(MESSAGE, SYSTEM, json(data), null);
  }

  /** Where the chat stands now; {@code position} is the place in the queue while waiting. */
  public static Draft status(String mode, String status, Integer position) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("mode", mode);
    data.put("status", status);
    data.put("position", position);
    return new Draft(STATUS, null, json(data), null);
  }

  /** For the nurse: the person's message fired the safety screen ({@code type}). */
  public static Draft alert(String type, String text, Instant at) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", type);
    data.put("text", text);
    data.put("at", at.toString());
    return new Draft(ALERT, null, json(data), null);
  }

  private static String json(Map<String, Object> data) {
    try {
      return JSON.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a chat event could not be written as JSON", e);
    }
  }
}
