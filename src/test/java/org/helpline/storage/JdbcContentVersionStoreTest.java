package org.helpline.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.helpline.content.ContentDraft;
import org.helpline.content.ContentFiles;
import org.helpline.content.ContentVersion;
import org.helpline.content.ContentWorkflowException;
import org.helpline.content.DraftStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The content versions store on the real embedded database: what a build's packaged content
 * does at start-up, and the rules the store itself keeps (a draft changes only while being
 * edited, a publish needs the approved revision).
 */
class JdbcContentVersionStoreTest {

  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
  private static final ContentFiles FIRST = ContentFiles.of(Map.of(
      "intents/greeting.txt", "hello\n", "dialogs/greeting.yml", "id: greeting\n"));
  private static final ContentFiles SECOND = FIRST.with("intents/greeting.txt", "hello\nhi\n");

  @TempDir
  Path dir;

  @Test
  void theFirstBuildIsVersionOneAndALaterBuildOnlyBringsADraft() {
    JdbcContentVersionStore store = new JdbcContentVersionStore(TestDatabases.h2(dir));
    ContentVersion first = store.importPackaged(FIRST, "aaa", () -> new byte[] {1}, false, NOW);
    assertEquals(1, first.version());
    assertEquals(ContentVersion.PACKAGED, first.origin());
    assertEquals(FIRST, store.files(1));
    // A restart, or a second instance of the same build: nothing new.
    assertEquals(1, store.importPackaged(FIRST, "aaa", () -> new byte[] {1}, false, NOW).version());
    assertEquals(List.of(), store.openDrafts());

    // A new build: still version 1 live, and one draft holding the build's content.
    assertEquals(1, store.importPackaged(SECOND, "bbb", () -> new byte[] {2}, false, NOW).version());
    assertEquals(1, store.importPackaged(SECOND, "bbb", () -> new byte[] {2}, false, NOW).version());
    List<ContentDraft> drafts = store.openDrafts();
    assertEquals(1, drafts.size(), "one draft per new build, however often it starts");
    ContentDraft draft = drafts.get(0);
    assertEquals(ContentVersion.BUILD, draft.author());
    assertEquals(1, draft.basedOn());
    assertEquals(SECOND, store.draftFiles(draft.id()));
    assertEquals(1, store.versions().size());

    // In dev mode a new build's content is published at once instead.
    ContentVersion dev = store.importPackaged(SECOND.with("intents/greeting.txt", "hey\n"),
        "ccc", () -> null, true, NOW);
    assertEquals(2, dev.version());
    assertEquals(2, store.live().orElseThrow().version());
    assertEquals(2, store.importPackaged(SECOND.with("intents/greeting.txt", "hey\n"),
        "ccc", () -> null, true, NOW).version());
  }

  @Test
  void aDraftChangesOnlyWhileEditedAndPublishesOnlyTheApprovedRevision() {
    JdbcContentVersionStore store = new JdbcContentVersionStore(TestDatabases.h2(dir));
    store.importPackaged(FIRST, "aaa", () -> null, false, NOW);
    ContentDraft draft = store.createDraft("ed", "a note", NOW);
    assertEquals(FIRST, store.draftFiles(draft.id()));
    draft = store.saveFile(draft.id(), "intents/greeting.txt", "hello\nhiya\n", "ed2", NOW);
    assertEquals(List.of("ed", "ed2"), draft.contributors());
    assertEquals(1, draft.revision());
    draft = store.move(draft.id(), 1, DraftStatus.EDITING, DraftStatus.SUBMITTED, "ed", null,
        null, NOW);
    String id = draft.id();
    assertThrows(ContentWorkflowException.class,
        () -> store.saveFile(id, "intents/greeting.txt", "changed\n", "ed", NOW));
    assertThrows(ContentWorkflowException.class,
        () -> store.publish(id, 1, FIRST, "x", null, "ed", null, NOW), "not approved");
    draft = store.move(id, 1, DraftStatus.SUBMITTED, DraftStatus.APPROVED, "cl", "ok",
        null, NOW);
    assertThrows(ContentWorkflowException.class,
        () -> store.publish(id, 0, FIRST, "x", null, "ed", null, NOW), "a stale revision");
    ContentVersion published = store.publish(id, draft.revision(),
        store.draftFiles(id), "ccc", null, "ed", null, NOW);
    assertEquals(2, published.version());
    assertEquals("cl", published.approvedBy());
    assertEquals("a note", published.note());
    assertEquals(2, store.live().orElseThrow().version());
    assertEquals(DraftStatus.PUBLISHED, store.draft(id).orElseThrow().status());
    assertEquals(1, store.restore(1, "ed", NOW).version());
    assertEquals(1, store.live().orElseThrow().version());
  }
}
