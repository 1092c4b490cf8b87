package org.helpline.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.helpline.content.ContentDraft;
import org.helpline.content.ContentFiles;
import org.helpline.content.ContentVersion;
import org.helpline.content.ContentVersionStore;
import org.helpline.content.ContentWorkflowException;
import org.helpline.content.DraftStatus;
import org.helpline.content.UnknownContentException;

/**
 * Content versions and drafts in tables {@code content_version}, {@code content_draft} and
 * their files (V9). File texts are stored once each by hash ({@code content_blob}). Publishing
 * and restoring lock the single {@code content_live} row, so two at once (on two instances)
 * happen one after the other; a draft's changes lock the draft's row. Each change writes its
 * staff audit row in its own transaction.
 */
public final class JdbcContentVersionStore implements ContentVersionStore {

  private static final String VERSION_COLUMNS = "v.version, v.fingerprint, v.origin, v.author,"
      + " v.approved_by, v.approved_at, v.published_by, v.published_at, v.note, v.draft_id";
  private static final String DRAFT_COLUMNS = "id, based_on, status, author, contributors,"
      + " note, revision, created_at, updated_at, submitted_at, reviewer, reviewed_at,"
      + " review_comment, published_version";

  private final DataSource dataSource;

  public JdbcContentVersionStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A unit of work on one connection, in one transaction. */
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T read(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw Sql.unavailable("content", e);
    }
  }

  private <T> T transaction(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw Sql.unavailable("content", e);
    }
  }

  @Override
  public Optional<ContentVersion> live() {
    return read(c -> liveVersion(c, false));
  }

  private static Optional<ContentVersion> liveVersion(Connection c, boolean lock)
      throws SQLException {
    Integer live = null;
    try (PreparedStatement ps = c.prepareStatement("SELECT version FROM content_live WHERE id = 1"
        + (lock ? " FOR UPDATE" : ""))) {
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          int v = rs.getInt(1);
          live = rs.wasNull() ? null : v;
        }
      }
    }
    return live == null ? Optional.empty() : version(c, live);
  }

  @Override
  public List<ContentVersion> versions() {
    return read(c -> {
      List<ContentVersion> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + VERSION_COLUMNS
          + " FROM content_version v ORDER BY v.version DESC");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(version(rs));
        }
      }
      return out;
    });
  }

  @Override
  public Optional<ContentVersion> version(int version) {
    return read(c -> version(c, version));
  }

  private static Optional<ContentVersion> version(Connection c, int version)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + VERSION_COLUMNS
        + " FROM content_version v WHERE v.version = ?")) {
      ps.setInt(1, version);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(version(rs)) : Optional.empty();
      }
    }
  }

  private static ContentVersion version(ResultSet rs) throws SQLException {
    return new ContentVersion(rs.getInt("version"), rs.getString("fingerprint"),
        rs.getString("origin"), rs.getString("author"), rs.getString("approved_by"),
        Sql.instant(rs, "approved_at"), rs.getString("published_by"),
        Sql.instant(rs, "published_at"), rs.getString("note"), rs.getString("draft_id"));
  }

  @Override
  public ContentFiles files(int version) {
    return read(c -> {
      if (version(c, version).isEmpty()) {
        throw new UnknownContentException("there is no content version " + version);
      }
      return files(c, "SELECT f.path, b.body FROM content_version_file f JOIN content_blob b"
          + " ON b.hash = f.hash WHERE f.version = ?", version);
    });
  }

  private static ContentFiles files(Connection c, String sql, Object key) throws SQLException {
    Map<String, String> files = new TreeMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Sql.bind(ps, key);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          files.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return ContentFiles.of(files);
  }

  @Override
  public Optional<byte[]> model(int version) {
    return read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT model FROM content_version WHERE version = ?")) {
        ps.setInt(1, version);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public ContentVersion importPackaged(ContentFiles files, String fingerprint,
      Supplier<byte[]> model, boolean publish, Instant at) {
    return transaction(c -> {
      Optional<ContentVersion> live = liveVersion(c, true);
      if (live.isEmpty() || (publish && !live.get().fingerprint().equals(fingerprint))) {
        int first = insertVersion(c, files, fingerprint, model.get(), ContentVersion.PACKAGED,
            null, null, null, ContentVersion.BUILD, live.isEmpty() ? "Content built into the"
            + " application" : "Content of a new build, published without sign-off (dev mode)",
            null, at);
        makeLive(c, first, ContentVersion.BUILD, at);
        JdbcStaffAudit.insert(c, "system", "content_import_packaged", null, "version " + first,
            at);
        return version(c, first).orElseThrow();
      }
      if (!exists(c, "SELECT 1 FROM content_version WHERE fingerprint = ?", fingerprint)
          && !exists(c, "SELECT 1 FROM content_draft WHERE build_fingerprint = ?",
          fingerprint)) {
        // A build with other content than any version: a draft to review, never live at once.
        String id = insertDraft(c, live.get().version(), ContentVersion.BUILD,
            "Content of a new application build: review it and submit it like any change", at);
        Sql.update(c, "UPDATE content_draft SET build_fingerprint = ? WHERE id = ?",
            fingerprint, id);
        Sql.update(c, "DELETE FROM content_draft_file WHERE draft_id = ?", id);
        writeFiles(c, "INSERT INTO content_draft_file (draft_id, path, hash) VALUES (?, ?, ?)",
            id, files);
        JdbcStaffAudit.insert(c, "system", "content_draft_from_build", null, "draft " + id,
            at);
      }
      return live.get();
    });
  }

  @Override
  public ContentVersion publish(String draftId, int revision, ContentFiles files,
      String fingerprint, byte[] model, String publishedBy, String note, Instant at) {
    return transaction(c -> {
      Optional<ContentVersion> live = liveVersion(c, true);
      ContentDraft draft = lockedDraft(c, draftId);
      if (draft.status() != DraftStatus.APPROVED || draft.revision() != revision) {
        throw new ContentWorkflowException("only an approved draft can be published, and this"
            + " one is " + draft.status().id() + (draft.status() == DraftStatus.APPROVED
            ? " but changed since it was read" : ""));
      }
      if (live.isEmpty() || live.get().version() != draft.basedOn()) {
        throw new ContentWorkflowException("this draft was started from version "
            + draft.basedOn() + ", but version " + live.map(ContentVersion::version).orElse(0)
            + " is live now: publishing it would undo that change. Start a new draft from"
            + " the live version and make the change again");
      }
      int next = insertVersion(c, files, fingerprint, model, ContentVersion.DRAFT,
          draft.author(), draft.reviewer(), draft.reviewedAt(), publishedBy,
          note == null ? draft.note() : note, draftId, at);
      makeLive(c, next, publishedBy, at);
      Sql.update(c, "UPDATE content_draft SET status = ?, published_version = ?, updated_at = ?"
          + " WHERE id = ?", DraftStatus.PUBLISHED.id(), next, at, draftId);
      JdbcStaffAudit.insert(c, publishedBy, "content_publish", null, "draft " + draftId
          + " as version " + next, at);
      return version(c, next).orElseThrow();
    });
  }

  @Override
  public ContentVersion restore(int version, String by, Instant at) {
    return transaction(c -> {
      liveVersion(c, true);
      ContentVersion restored = version(c, version).orElseThrow(() ->
          new UnknownContentException("there is no content version " + version));
      makeLive(c, version, by, at);
      JdbcStaffAudit.insert(c, by, "content_restore", null, "version " + version, at);
      return restored;
    });
  }

  private static int insertVersion(Connection c, ContentFiles files, String fingerprint,
      byte[] model, String origin, String author, String approvedBy, Instant approvedAt,
      String publishedBy, String note, String draftId, Instant at) throws SQLException {
    int next = 1;
    try (PreparedStatement ps = c.prepareStatement("SELECT MAX(version) FROM content_version");
        ResultSet rs = ps.executeQuery()) {
      if (rs.next()) {
        next = rs.getInt(1) + 1;
      }
    }
    Sql.update(c, "INSERT INTO content_version (version, fingerprint, origin, author,"
        + " approved_by, approved_at, published_by, published_at, note, draft_id, model)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", next, fingerprint, origin, author,
        approvedBy, approvedAt, publishedBy, at, note, draftId, model);
    writeFiles(c, "INSERT INTO content_version_file (version, path, hash) VALUES (?, ?, ?)",
        next, files);
    return next;
  }

  private static void makeLive(Connection c, int version, String by, Instant at)
      throws SQLException {
    Sql.update(c, "UPDATE content_live SET version = ?, changed_by = ?, changed_at = ?"
        + " WHERE id = 1", version, by, at);
  }

  /** Writes each file's text once (by hash) and a row per path under {@code key}. */
  private static void writeFiles(Connection c, String insert, Object key, ContentFiles files)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(insert)) {
      for (Map.Entry<String, String> file : files.asMap().entrySet()) {
        String hash = storeBlob(c, file.getValue());
        Sql.bind(ps, key, file.getKey(), hash);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Stores a text unless a text with its hash is stored already; returns the hash. */
  private static String storeBlob(Connection c, String text) throws SQLException {
    String hash = sha256(text);
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM content_blob WHERE hash = ?")) {
      ps.setString(1, hash);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return hash;
        }
      }
    }
    // Two transactions may store the same new text at once; the second waits for the
    // first's key and then fails, so the insert is made to do nothing when the row exists.
    Sql.update(c, "INSERT INTO content_blob (hash, body) SELECT ?, ? WHERE NOT EXISTS"
        + " (SELECT 1 FROM content_blob WHERE hash = ?)", hash, text, hash);
    return hash;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }

  @Override
  public ContentDraft createDraft(String author, String note, Instant at) {
    return transaction(c -> {
      ContentVersion live = liveVersion(c, false).orElseThrow(() ->
          new ContentWorkflowException("no content version is live yet; try again once the"
              + " bot has started"));
      String id = insertDraft(c, live.version(), author, note, at);
      JdbcStaffAudit.insert(c, author, "content_draft_create", null, "draft " + id
          + " from version " + live.version(), at);
      return lockedDraft(c, id);
    });
  }

  /** A new draft of a version's files; returns its id. */
  private static String insertDraft(Connection c, int basedOn, String author, String note,
      Instant at) throws SQLException {
    String id = UUID.randomUUID().toString();
    Sql.update(c, "INSERT INTO content_draft (" + DRAFT_COLUMNS + ") VALUES"
        + " (?, ?, ?, ?, ?, ?, 0, ?, ?, NULL, NULL, NULL, NULL, NULL)", id, basedOn,
        DraftStatus.EDITING.id(), author, author, note, at, at);
    Sql.update(c, "INSERT INTO content_draft_file (draft_id, path, hash) SELECT ?, path, hash"
        + " FROM content_version_file WHERE version = ?", id, basedOn);
    return id;
  }

  private static boolean exists(Connection c, String sql, Object key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Sql.bind(ps, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  @Override
  public Optional<ContentDraft> draft(String id) {
    return read(c -> draft(c, id, false));
  }

  private static ContentDraft lockedDraft(Connection c, String id) throws SQLException {
    return draft(c, id, true).orElseThrow(() ->
        new UnknownContentException("there is no content draft with this id"));
  }

  private static Optional<ContentDraft> draft(Connection c, String id, boolean lock)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + DRAFT_COLUMNS
        + " FROM content_draft WHERE id = ?" + (lock ? " FOR UPDATE" : ""))) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(draft(rs)) : Optional.empty();
      }
    }
  }

  private static ContentDraft draft(ResultSet rs) throws SQLException {
    int published = rs.getInt("published_version");
    Integer publishedVersion = rs.wasNull() ? null : published;
    return new ContentDraft(rs.getString("id"), rs.getInt("based_on"),
        DraftStatus.of(rs.getString("status")), rs.getString("author"),
        Arrays.asList(rs.getString("contributors").split(",")), rs.getString("note"),
        rs.getInt("revision"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"),
        Sql.instant(rs, "submitted_at"), rs.getString("reviewer"),
        Sql.instant(rs, "reviewed_at"), rs.getString("review_comment"), publishedVersion);
  }

  @Override
  public List<ContentDraft> openDrafts() {
    return read(c -> {
      List<ContentDraft> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + DRAFT_COLUMNS
          + " FROM content_draft WHERE status IN (?, ?, ?) ORDER BY updated_at DESC")) {
        Sql.bind(ps, DraftStatus.EDITING.id(), DraftStatus.SUBMITTED.id(),
            DraftStatus.APPROVED.id());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(draft(rs));
          }
        }
      }
      return out;
    });
  }

  @Override
  public ContentFiles draftFiles(String id) {
    return read(c -> {
      if (draft(c, id, false).isEmpty()) {
        throw new UnknownContentException("there is no content draft with this id");
      }
      return draftFiles(c, id);
    });
  }

  private static ContentFiles draftFiles(Connection c, String id) throws SQLException {
    return files(c, "SELECT f.path, b.body FROM content_draft_file f JOIN content_blob b"
        + " ON b.hash = f.hash WHERE f.draft_id = ?", id);
  }

  @Override
  public ContentDraft saveFile(String id, String path, String text, String by, Instant at) {
    return transaction(c -> {
      ContentDraft draft = lockedDraft(c, id);
      if (draft.status() != DraftStatus.EDITING) {
        throw new ContentWorkflowException("this draft is " + draft.status().id()
            + ", so it cannot be changed" + (draft.status() == DraftStatus.SUBMITTED
            ? " until a clinician returns it" : ""));
      }
      Sql.update(c, "DELETE FROM content_draft_file WHERE draft_id = ? AND path = ?", id, path);
      if (text != null) {
        Sql.update(c, "INSERT INTO content_draft_file (draft_id, path, hash) VALUES (?, ?, ?)",
            id, path, storeBlob(c, text));
      }
      Set<String> contributors = new LinkedHashSet<>(draft.contributors());
      contributors.add(by);
      Sql.update(c, "UPDATE content_draft SET revision = revision + 1, contributors = ?,"
          + " updated_at = ? WHERE id = ?", String.join(",", contributors), at, id);
      JdbcStaffAudit.insert(c, by, text == null ? "content_draft_remove_file"
          : "content_draft_save_file", null, "draft " + id + " " + path, at);
      return lockedDraft(c, id);
    });
  }

  @Override
  public ContentDraft move(String id, int revision, DraftStatus from, DraftStatus to, String by,
      String comment, ContentFiles files, Instant at) {
    return transaction(c -> {
      ContentDraft draft = lockedDraft(c, id);
      if (draft.status() != from || draft.revision() != revision) {
        throw new ContentWorkflowException("this draft is " + draft.status().id()
            + (draft.status() == from ? " but changed since it was read; read it again"
            : ", not " + from.id()));
      }
      boolean review = to == DraftStatus.APPROVED
          || (from == DraftStatus.SUBMITTED && to == DraftStatus.EDITING);
      int nextRevision = revision + (files == null ? 0 : 1);
      if (files != null) {
        Sql.update(c, "DELETE FROM content_draft_file WHERE draft_id = ?", id);
        writeFiles(c, "INSERT INTO content_draft_file (draft_id, path, hash) VALUES (?, ?, ?)",
            id, files);
      }
      Sql.update(c, "UPDATE content_draft SET status = ?, revision = ?, updated_at = ?"
          + " WHERE id = ?", to.id(), nextRevision, at, id);
      if (to == DraftStatus.SUBMITTED) {
        Sql.update(c, "UPDATE content_draft SET submitted_at = ? WHERE id = ?", at, id);
        if (comment != null) {
          Sql.update(c, "UPDATE content_draft SET note = ? WHERE id = ?", comment, id);
        }
      }
      if (review) {
        Sql.update(c, "UPDATE content_draft SET reviewer = ?, reviewed_at = ?,"
            + " review_comment = ? WHERE id = ?", by, at, comment, id);
      }
      JdbcStaffAudit.insert(c, by, "content_draft_" + verb(from, to), null, "draft " + id, at);
      return lockedDraft(c, id);
    });
  }

  private static String verb(DraftStatus from, DraftStatus to) {
    return switch (to) {
      case SUBMITTED -> "submit";
      case APPROVED -> "approve";
      case EDITING -> from == DraftStatus.SUBMITTED ? "return" : "replace_files";
      case DISCARDED -> "discard";
      case PUBLISHED -> "publish";
    };
  }
}
