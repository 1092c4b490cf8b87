package org.helpline.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code helpline.storage.sync-to-disk} on real H2 files: every commit is followed by an fsync
 * ({@code CHECKPOINT SYNC}) before it returns, and commits that arrive together share one.
 */
class DiskSyncDataSourceTest {

  @TempDir
  Path dir;

  private long syncs(CountingDataSource counting) {
    return counting.executed().stream().filter(s -> s.equals("CHECKPOINT SYNC")).count();
  }

  @Test
  void aCommitReturnsOnlyAfterASync() throws Exception {
    CountingDataSource counting = new CountingDataSource(TestDatabases.h2(dir));
    DiskSyncDataSource syncing = new DiskSyncDataSource(counting.dataSource);
    try (Connection c = syncing.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO staff_audit (id, at, principal, action)"
            + " VALUES (RANDOM_UUID(), CURRENT_TIMESTAMP, 'nurse1', 'one')");
      }
      counting.clear();
      c.commit();
      assertEquals(List.of("COMMIT", "CHECKPOINT SYNC"), counting.executed());
    }
    // A connection in auto-commit mode syncs when it is closed.
    counting.clear();
    try (Connection c = syncing.getConnection(); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO staff_audit (id, at, principal, action)"
          + " VALUES (RANDOM_UUID(), CURRENT_TIMESTAMP, 'nurse1', 'two')");
    }
    assertEquals(1, syncs(counting));
    try (Connection c = counting.dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM staff_audit");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      assertEquals(2, rs.getInt(1));
    }
  }

  @Test
  void concurrentCommitsShareSyncsAndAllSurvive() throws Exception {
    CountingDataSource counting = new CountingDataSource(TestDatabases.h2(dir));
    DiskSyncDataSource syncing = new DiskSyncDataSource(counting.dataSource);
    int threads = 16;
    int commits = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Void>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String who = "t" + t;
        Callable<Void> work = () -> {
          for (int i = 0; i < commits; i++) {
            try (Connection c = syncing.getConnection()) {
              c.setAutoCommit(false);
              try (PreparedStatement ps = c.prepareStatement("INSERT INTO staff_audit"
                  + " (id, at, principal, action) VALUES (RANDOM_UUID(), CURRENT_TIMESTAMP, ?, ?)")) {
                ps.setString(1, who);
                ps.setString(2, Integer.toString(i));
                ps.executeUpdate();
              }
              c.commit();
            }
          }
          return null;
        };
        done.add(pool.submit(work));
      }
      for (Future<Void> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    try (Connection c = counting.dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM staff_audit");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      assertEquals(threads * commits, rs.getInt(1));
    }
    long syncs = syncs(counting);
    System.out.println("sync-to-disk: " + threads * commits + " commits, " + syncs + " syncs");
    assertTrue(syncs >= 1 && syncs < threads * commits,
        syncs + " syncs for " + threads * commits + " concurrent commits: none shared");
  }
}
