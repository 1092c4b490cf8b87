package org.helpline.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.helpline.conversation.StorageUnavailableException;

/**
 * What every JDBC store does the same way: binding parameters (times as UTC timestamps with
 * time zone, the same on H2 and PostgreSQL), reading times back, and turning a failure into
 * {@link StorageUnavailableException} with its SQLState and never its data.
 */
final class Sql {

  private Sql() {
  }

  /** Runs an insert, update or delete with its parameters bound in order. */
  static int update(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, values);
      return ps.executeUpdate();
    }
  }

  /**
   * Binds parameters in order: an {@link Instant} as a UTC timestamp, null as SQL NULL of
   * the column's type, anything else as itself.
   */
  static void bind(PreparedStatement ps, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      Object value = values[i] instanceof Instant at ? time(at) : values[i];
      if (value == null) {
        ps.setNull(i + 1, Types.NULL);
      } else {
        ps.setObject(i + 1, value);
      }
    }
  }

  static OffsetDateTime time(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  /** A time column, or null. */
  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  /** A failure of one store ({@code what}: "feedback", "handoff queue"...). */
  static StorageUnavailableException unavailable(String what, SQLException e) {
    return new StorageUnavailableException(what + " storage failed"
        + (e == null ? "" : " (SQLState " + e.getSQLState() + ")"), e);
  }
}
