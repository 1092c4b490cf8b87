package org.helpline.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.helpline.staff.StaffAudit;

/** The staff audit log in the {@code staff_audit} table. */
public record JdbcStaffAudit(DataSource dataSource) implements StaffAudit {

  @Override
  public void record(String principal, String action, String conversationId, String detail,
      Instant at) {
    try (Connection c = dataSource.getConnection()) {
      insert(c, principal, action, conversationId, detail, at);
    } catch (SQLException e) {
      throw Sql.unavailable("staff audit", e);
    }
  }

  /** Writes one audit row on a connection, so a caller can make it part of its transaction. */
  static void insert(Connection c, String principal, String action, String conversationId,
      String detail, Instant at) throws SQLException {
    Sql.update(c, "INSERT INTO staff_audit (id, at, principal, action, conversation_id,"
        + " detail) VALUES (?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), at, principal,
        action, conversationId, detail == null || detail.length() <= 500 ? detail
        : detail.substring(0, 500));
  }
}
