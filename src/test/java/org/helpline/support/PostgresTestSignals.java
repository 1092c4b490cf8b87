package org.helpline.support;

import org.helpline.storage.PostgresSignals;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Signals through the test PostgreSQL server ({@code HELPLINE_TEST_POSTGRES_URL}), as one
 * instance of the application has them: tests make one per instance they play.
 */
public final class PostgresTestSignals {

  private PostgresTestSignals() {
  }

  public static PostgresSignals open() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(System.getenv("HELPLINE_TEST_POSTGRES_URL"));
    if (ds.getUser() == null) {
      ds.setUser(System.getProperty("user.name"));
    }
    return new PostgresSignals(ds, ds);
  }
}
