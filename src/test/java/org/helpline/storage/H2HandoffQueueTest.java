package org.helpline.storage;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The nurses' queue on the embedded H2 database. */
class H2HandoffQueueTest extends HandoffQueueContract {

  @TempDir
  Path dir;

  private DataSource ds;

  @BeforeEach
  void open() {
    ds = TestDatabases.h2(dir);
  }

  @Override
  DataSource database() {
    return ds;
  }

  @Override
  DataSource sameDatabaseAgain() {
    return TestDatabases.h2(dir);
  }
}
