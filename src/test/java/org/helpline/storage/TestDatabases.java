package org.helpline.storage;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Real databases for storage tests: embedded H2 files, and PostgreSQL when configured. */
final class TestDatabases {

  /** Set by .ci/run (and by developers who have PostgreSQL), e.g. jdbc:postgresql://127.0.0.1:5432/test. */
  static final String POSTGRES_URL_ENV = "HELPLINE_TEST_POSTGRES_URL";
  private static final String SCHEMA = "helpline_test";

  private TestDatabases() {
  }

  /** A fresh, migrated H2 database in files under the directory. */
  static DataSource h2(Path dir) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + dir.toAbsolutePath().resolve("helpline")
        + ";LOCK_TIMEOUT=10000;TRACE_LEVEL_FILE=0");
    ds.setUser("helpline");
    ds.setPassword("helpline");
    migrate(ds, SCHEMA, false);
    return ds;
  }

  /** A pooled PostgreSQL data source on a private schema, emptied and migrated. */
  static DataSource postgres() {
    return postgres(SCHEMA);
  }

  /**
   * A pooled PostgreSQL data source on the named schema, emptied and migrated: for tests that
   * may run while other runs use the shared schema on the same server.
   */
  static DataSource postgres(String schema) {
    DataSource ds = pooledPostgres(schema);
    migrate(ds, schema, true);
    return ds;
  }

  /** Another pool on the same PostgreSQL schema, as a second instance would have. */
  static DataSource postgresAgain() {
    return pooledPostgres(SCHEMA);
  }

  /** Another pool on the named schema, as a second instance would have. */
  static DataSource postgresAgain(String schema) {
    return pooledPostgres(schema);
  }

  /** A connection pool (Agroal, as the application uses) over the configured server. */
  private static DataSource pooledPostgres(String schema) {
    PGSimpleDataSource plain = new PGSimpleDataSource();
    plain.setURL(System.getenv(POSTGRES_URL_ENV));
    String user = plain.getUser() == null ? System.getProperty("user.name") : plain.getUser();
    String url = System.getenv(POSTGRES_URL_ENV)
        + (System.getenv(POSTGRES_URL_ENV).contains("?") ? "&" : "?")
        + "currentSchema=" + schema;
    try {
      return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
          .connectionPoolConfiguration(pool -> pool.maxSize(16)
              .connectionFactoryConfiguration(factory -> factory.jdbcUrl(url)
                  .principal(new NamePrincipal(user)))));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open a pool to " + url, e);
    }
  }

  private static void migrate(DataSource ds, String schema, boolean clean) {
    Flyway flyway = Flyway.configure().dataSource(ds).locations("classpath:db/migration")
        .schemas(clean ? new String[] {schema} : new String[0])
        .cleanDisabled(!clean).load();
    if (clean) {
      flyway.clean();
    }
    flyway.migrate();
  }
}
