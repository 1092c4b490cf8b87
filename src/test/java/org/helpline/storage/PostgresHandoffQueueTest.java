package org.helpline.storage;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The nurses' queue on a real PostgreSQL server. Runs when HELPLINE_TEST_POSTGRES_URL is set
 * (see README, Tests).
 */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_ENV, matches = ".+")
class PostgresHandoffQueueTest extends HandoffQueueContract {

  private DataSource ds;

  @BeforeEach
  void open() {
    ds = TestDatabases.postgres();
  }

  @Override
  DataSource database() {
    return ds;
  }

  @Override
  DataSource sameDatabaseAgain() {
    return TestDatabases.postgresAgain();
  }
}
