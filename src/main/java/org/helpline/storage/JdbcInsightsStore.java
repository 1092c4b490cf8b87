package org.helpline.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.helpline.conversation.StorageUnavailableException;
import org.helpline.insights.InsightsStore;
import org.helpline.insights.MisunderstoodTurn;

/** The editors' reports, read from the {@code turn} table (texts there are redacted). */
public final class JdbcInsightsStore implements InsightsStore {

  /** Quick-reply taps are stored with this prefix; they are not questions. */
  private static final String QUICK_REPLY = "[quick reply]";

  private final DataSource dataSource;

  public JdbcInsightsStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public List<MisunderstoodTurn> misunderstoodSince(Instant since, int limit) {
    List<MisunderstoodTurn> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT user_text, action, intent,"
            + " confidence, created_at FROM turn WHERE created_at >= ?"
            + " AND action IN ('fallback', 'clarify') AND user_text IS NOT NULL"
            + " AND user_text NOT LIKE ? ORDER BY created_at DESC, conversation_id, seq")) {
      Sql.bind(ps, since);
      ps.setString(2, QUICK_REPLY + "%");
      ps.setMaxRows(limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          double confidence = rs.getDouble(4);
          out.add(new MisunderstoodTurn(rs.getString(1), rs.getString(2), rs.getString(3),
              rs.wasNull() ? null : confidence,
              rs.getObject(5, OffsetDateTime.class).toInstant()));
        }
      }
    } catch (SQLException e) {
      throw new StorageUnavailableException("transcript query failed (SQLState "
          + e.getSQLState() + ")", e);
    }
    return out;
  }
}
