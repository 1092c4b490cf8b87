package org.helpline.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.helpline.support.ChatLoad.Ack;

/**
 * Checks acknowledged turns against the transcripts in the database: every turn that was
 * answered with HTTP 200 is stored exactly once, under its conversation and turn number, and
 * each conversation's turns are numbered 1, 2, 3... in the order they were sent. Every
 * conversation an acknowledged handoff or escalation passed to the nurses is in their queue
 * exactly once, opened by a stored turn no later than that one.
 */
public final class TranscriptCheck {

  private TranscriptCheck() {
  }

  /** The embedded H2 database in this data directory (the application must be stopped). */
  public static Connection h2(Path dataDir) throws SQLException {
    return DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath()
        .resolve("helpline"), "helpline", "helpline");
  }

  /** Every problem found; empty when every acknowledged turn is stored once, in order. */
  public static List<String> problems(Connection db, List<Ack> acks) throws SQLException {
    // conversation -> (seq -> message key), and how often each message key was stored.
    Map<String, Map<Integer, String>> stored = new HashMap<>();
    Map<String, Integer> keyCount = new HashMap<>();
    try (PreparedStatement ps = db.prepareStatement(
        "SELECT conversation_id, seq, message_key FROM turn WHERE channel = 'web'");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        stored.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
            .put(rs.getInt(2), rs.getString(3));
        if (rs.getString(3) != null) {
          keyCount.merge(rs.getString(3), 1, Integer::sum);
        }
      }
    }
    List<String> problems = new ArrayList<>();
    Map<String, List<Ack>> byConversation = new LinkedHashMap<>();
    for (Ack a : acks) {
      byConversation.computeIfAbsent(a.conversationId(), k -> new ArrayList<>()).add(a);
    }
    for (Map.Entry<String, List<Ack>> e : byConversation.entrySet()) {
      Map<Integer, String> turns = stored.getOrDefault(e.getKey(), Map.of());
      for (int seq = 1; seq <= turns.size(); seq++) {
        if (!turns.containsKey(seq)) {
          problems.add(e.getKey() + ": turns are not numbered 1.." + turns.size()
              + " (stored " + new TreeSet<>(turns.keySet()) + ", acknowledged "
              + e.getValue().stream().map(Ack::turn).toList() + ")");
          break;
        }
      }
      int previous = 0;
      for (Ack a : e.getValue()) {
        String key = "web:" + a.messageId();
        if (a.turn() <= previous) {
          problems.add(e.getKey() + ": turn " + a.turn() + " acknowledged after turn "
              + previous);
        }
        previous = a.turn();
        if (!key.equals(turns.get(a.turn()))) {
          problems.add(e.getKey() + ": acknowledged turn " + a.turn() + " is not stored");
        } else if (keyCount.get(key) != 1) {
          problems.add(e.getKey() + ": turn " + a.turn() + " stored " + keyCount.get(key)
              + " times");
        }
      }
    }
    problems.addAll(handoffProblems(db, byConversation, stored));
    return problems;
  }

  /** The queue: one entry per conversation passed on, opened by one of its stored turns. */
  private static List<String> handoffProblems(Connection db,
      Map<String, List<Ack>> byConversation, Map<String, Map<Integer, String>> stored)
      throws SQLException {
    Map<String, List<Integer>> opened = new HashMap<>();
    try (PreparedStatement ps = db.prepareStatement(
        "SELECT conversation_id, seq FROM handoff WHERE channel = 'web'");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        opened.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getInt(2));
      }
    }
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, List<Ack>> e : byConversation.entrySet()) {
      List<Integer> entries = opened.getOrDefault(e.getKey(), List.of());
      e.getValue().stream().filter(Ack::queued).findFirst().ifPresent(first -> {
        if (entries.size() != 1) {
          problems.add(e.getKey() + ": passed to the nurses at turn " + first.turn()
              + " but has " + entries.size() + " queue entries");
        } else if (entries.get(0) > first.turn()) {
          problems.add(e.getKey() + ": queue entry opened at turn " + entries.get(0)
              + ", after the acknowledged handoff at turn " + first.turn());
        }
      });
    }
    opened.forEach((conversation, seqs) -> seqs.stream()
        .filter(seq -> !stored.getOrDefault(conversation, Map.of()).containsKey(seq))
        .forEach(seq -> problems.add(conversation + ": queue entry opened by turn " + seq
            + ", which is not stored")));
    return problems;
  }

  /**
   * {@code DATA_DIR ACKS_FILE}: checks the acknowledged turns written by {@link ChatLoad}
   * against the stopped application's embedded database; prints the result, exits 1 on any
   * problem.
   */
  public static void main(String[] args) throws Exception {
    List<Ack> acks = ChatLoad.readAcks(Path.of(args[1]));
    List<String> problems;
    int stored;
    try (Connection db = h2(Path.of(args[0]))) {
      problems = problems(db, acks);
      try (PreparedStatement ps = db.prepareStatement("SELECT COUNT(*) FROM turn");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        stored = rs.getInt(1);
      }
    }
    System.out.println("check: acknowledged=" + acks.size() + " stored=" + stored
        + " problems=" + problems.size());
    problems.stream().limit(20).forEach(p -> System.out.println("  " + p));
    System.exit(problems.isEmpty() ? 0 : 1);
  }
}
