package org.helpline.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.helpline.conversation.StorageUnavailableException;
import org.helpline.feedback.FeedbackStore;
import org.helpline.feedback.IntentFeedback;

/** Ratings in the {@code feedback} table (V3), one per turn (a unique key guards it). */
public final class JdbcFeedbackStore implements FeedbackStore {

  private final DataSource dataSource;

  public JdbcFeedbackStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Rating rate(String conversationId, int seq, boolean helpful, String comment,
      Instant now) {
    try (Connection c = dataSource.getConnection()) {
      String intent;
      try (PreparedStatement ps = c.prepareStatement("SELECT intent, action FROM turn"
          + " WHERE conversation_id = ? AND seq = ?")) {
        ps.setString(1, conversationId);
        ps.setInt(2, seq);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return conversationExists(c, conversationId) ? Rating.UNKNOWN_TURN
                : Rating.UNKNOWN_CONVERSATION;
          }
          intent = rs.getString(1) != null ? rs.getString(1) : rs.getString(2);
        }
      }
      try {
        Sql.update(c, "INSERT INTO feedback (id, conversation_id, seq, intent, helpful,"
            + " comment, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(),
            conversationId, seq, intent, helpful, comment, now);
        return Rating.RECORDED;
      } catch (SQLException e) {
        if ("23505".equals(e.getSQLState())) {
          return Rating.ALREADY_RATED;
        }
        throw e;
      }
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  private static boolean conversationExists(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM conversation WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  @Override
  public List<IntentFeedback> summary(Instant since, int maxComments) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, List<String>> comments = new LinkedHashMap<>();
    Map<String, List<String>> questions = new LinkedHashMap<>();
    // The rated turn's text, as its transcript keeps it (redacted): gone with the transcript.
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT f.intent, f.helpful, f.comment,"
            + " t.user_text FROM feedback f LEFT JOIN turn t ON t.conversation_id ="
            + " f.conversation_id AND t.seq = f.seq WHERE f.created_at >= ?"
            + " ORDER BY f.created_at DESC, f.id")) {
      Sql.bind(ps, since);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String intent = rs.getString(1) == null ? "unknown" : rs.getString(1);
          counts.computeIfAbsent(intent, k -> new int[2])[rs.getBoolean(2) ? 0 : 1]++;
          List<String> list = comments.computeIfAbsent(intent, k -> new ArrayList<>());
          String comment = rs.getString(3);
          if (comment != null && list.size() < maxComments) {
            list.add(comment);
          }
          List<String> asked = questions.computeIfAbsent(intent, k -> new ArrayList<>());
          String question = rs.getString(4);
          if (!rs.getBoolean(2) && question != null && !asked.contains(question)
              && asked.size() < maxComments) {
            asked.add(question);
          }
        }
      }
    } catch (SQLException e) {
      throw unavailable(e);
    }
    List<IntentFeedback> out = new ArrayList<>();
    counts.forEach((intent, n) -> out.add(new IntentFeedback(intent, n[0], n[1],
        comments.get(intent), questions.get(intent))));
    out.sort(Comparator.comparingInt(IntentFeedback::notHelpful).reversed()
        .thenComparingInt(IntentFeedback::helpful)
        .thenComparing(IntentFeedback::intent));
    return out;
  }

  private static StorageUnavailableException unavailable(SQLException e) {
    return Sql.unavailable("feedback", e);
  }
}
