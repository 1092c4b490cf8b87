package org.helpline.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Group commit on real H2 files: every commit is followed by a write of the database file
 * ({@code CHECKPOINT}, or {@code CHECKPOINT SYNC} with {@code helpline.storage.sync-to-disk})
 * before it returns, and commits that arrive together share one. CrashUnderLoadIT shows what
 * it is for: nothing acknowledged is lost when the process is killed.
 */
class GroupCommitDataSourceTest {

  @TempDir
  Path dir;

  private static long checkpoints(CountingDataSource counting, String checkpoint) {
    return counting.executed().stream().filter(s -> s.equals(checkpoint)).count();
  }

  /** Writes one audit row on the connection. */
  private static void audit(Connection c, String who, String action) throws Exception {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO staff_audit"
        + " (id, at, principal, action) VALUES (RANDOM_UUID(), CURRENT_TIMESTAMP, ?, ?)")) {
      ps.setString(1, who);
      ps.setString(2, action);
      ps.executeUpdate();
    }
  }

  private static String checkpoint(boolean syncToDisk) {
    return syncToDisk ? "CHECKPOINT SYNC" : "CHECKPOINT";
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aCommitReturnsOnlyAfterTheFileIsWritten(boolean syncToDisk) throws Exception {
    CountingDataSource counting = new CountingDataSource(TestDatabases.h2(dir));
    GroupCommitDataSource syncing = new GroupCommitDataSource(counting.dataSource,
        counting.dataSource, syncToDisk);
    Connection turn = syncing.getConnection();
    turn.setAutoCommit(false);
    audit(turn, "nurse1", "one");
    counting.clear();
    turn.commit();
    // The wait is when the connection is closed (back in the pool), not in commit().
    assertEquals(List.of("COMMIT"), counting.executed());
    turn.close();
    assertEquals(List.of("COMMIT", checkpoint(syncToDisk)), counting.executed());
    // A connection in auto-commit mode waits for a checkpoint when it is closed.
    counting.clear();
    try (Connection c = syncing.getConnection()) {
      audit(c, "nurse1", "two");
    }
    assertEquals(1, checkpoints(counting, checkpoint(syncToDisk)));
    // A connection that only read never waits for one.
    counting.clear();
    try (Connection c = syncing.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM staff_audit");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
    }
    assertEquals(0, checkpoints(counting, checkpoint(syncToDisk)));
    try (Connection c = counting.dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM staff_audit");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      assertEquals(2, rs.getInt(1));
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void concurrentCommitsShareWritesAndAllAreStored(boolean syncToDisk) throws Exception {
    CountingDataSource counting = new CountingDataSource(TestDatabases.h2(dir));
    GroupCommitDataSource syncing = new GroupCommitDataSource(counting.dataSource,
        counting.dataSource, syncToDisk);
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
              audit(c, who, Integer.toString(i));
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
    long writes = checkpoints(counting, checkpoint(syncToDisk));
    System.out.println("group commit (sync to disk: " + syncToDisk + "): " + threads * commits
        + " commits, " + writes + " writes");
    assertTrue(writes >= 1 && writes < threads * commits,
        writes + " writes for " + threads * commits + " concurrent commits: none shared");
  }
}
