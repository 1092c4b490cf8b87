package org.helpline.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.helpline.config.HelplineSettings;
import org.helpline.content.ContentDraft;
import org.helpline.content.ContentException;
import org.helpline.content.ContentSource;
import org.helpline.content.ContentValidator;
import org.helpline.content.ContentVersion;
import org.helpline.content.ContentWorkflowException;
import org.helpline.content.DraftStatus;
import org.helpline.conversation.BotFactory;
import org.helpline.conversation.BotHolder;
import org.helpline.conversation.HelplineBot;
import org.helpline.eval.EvaluationSets;
import org.helpline.staff.content.ContentWorkflow;
import org.helpline.staff.content.DraftBots;
import org.helpline.staff.content.DraftEvaluations;
import org.helpline.staff.content.LiveContent;
import org.helpline.support.OpenedResources;
import org.helpline.support.PostgresTestSignals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Two instances over one PostgreSQL database: a version published on one is served by the
 * other within 5 s (through the signal; the periodic check is set to a minute so that it
 * cannot be what switches it), a restore likewise, and a publish that fails validation leaves
 * both instances, and the live version, where they were. Each instance has its own pool, its
 * own signals connection, its own running bot.
 */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_ENV, matches = ".+")
class ContentVersionsOverPostgresTest {

  private static final String SCHEMA = "helpline_content_versions";
  private static final Duration SWITCH = Duration.ofSeconds(5);
  private static final String OLD_TEXT = "Cytokines are proteins that your body makes naturally.";
  private static final String NEW_TEXT = "Cytokines are natural messenger proteins.";
  private static final String DIALOG = "dialogs/cytokines.yml";

  private static BotFactory factory;
  private static HelplineBot packaged;

  private final OpenedResources opened = new OpenedResources();
  private final Clock clock = Clock.system(ZoneOffset.UTC);

  @BeforeAll
  static void build() {
    factory = HelplineSettings.botFactory();
    packaged = factory.build(packagedSource());
  }

  private static ContentSource packagedSource() {
    return ContentSource.classpath(Thread.currentThread().getContextClassLoader());
  }

  @AfterEach
  void closeAll() throws Exception {
    opened.closeAll();
  }

  /** One instance: its pool, signals, running bot and live content. */
  private final class Instance {
    final BotHolder holder = new BotHolder();
    final JdbcContentVersionStore store;
    final LiveContent live;

    Instance(DataSource pool, String topic) {
      store = new JdbcContentVersionStore(pool);
      live = opened(new LiveContent(factory, holder, store, opened(PostgresTestSignals.open()), bot -> { },
          clock, topic));
      live.start(packaged, packagedSource(), false);
      live.follow(Duration.ofMinutes(1));
    }

    ContentWorkflow workflow(BotFactory with) {
      DraftEvaluations evaluations = opened(new DraftEvaluations(new DraftBots(store, with),
          holder, store, new EvaluationSets(Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.empty())));
      return new ContentWorkflow(store, with, live, clock, () -> ZoneOffset.UTC,
          Optional.empty(), evaluations);
    }

    String firstCytokinesBubble() {
      return holder.current().orElseThrow().content().dialogs().get("cytokines").replies()
          .get(0).text();
    }
  }

  @Test
  void aPublishAndARestoreReachTheOtherInstanceWithinFiveSeconds() {
    String topic = "test-" + UUID.randomUUID() + "/" + LiveContent.TOPIC;
    Instance a = new Instance(TestDatabases.postgres(SCHEMA), topic);
    Instance b = new Instance(TestDatabases.postgresAgain(SCHEMA), topic);
    ContentVersion first = a.store.live().orElseThrow();
    assertEquals(first.version(), b.live.serving(), "the second instance imports nothing new");
    assertEquals(1, a.store.versions().size());
    assertTrue(b.firstCytokinesBubble().startsWith(OLD_TEXT));

    ContentWorkflow workflow = a.workflow(factory);
    String id = approvedDraft(workflow, a);
    long start = System.nanoTime();
    ContentVersion published = workflow.publish(id, "editor", "Simpler words");
    long returned = System.nanoTime();
    assertEquals(first.version() + 1, published.version());
    assertTrue(a.firstCytokinesBubble().startsWith(NEW_TEXT), "the publishing instance serves it");
    long switched = awaitServing(b, published.version());
    assertTrue(b.firstCytokinesBubble().startsWith(NEW_TEXT));
    System.out.printf("content publish: trained and stored in %d ms; the other instance"
        + " served it %d ms after the publish returned%n", (returned - start) / 1_000_000,
        (switched - returned) / 1_000_000);

    // A publish that fails validation (here: a stricter validator on the publishing
    // instance) changes nothing anywhere.
    String second = approvedDraft(workflow, a);
    BotFactory strict = new BotFactory(new ContentValidator(100_000, 600),
        factory.nlp(), factory.thresholds(), factory.maxMisunderstandings());
    assertThrows(ContentException.class,
        () -> a.workflow(strict).publish(second, "editor", null));
    assertEquals(published.version(), a.store.live().orElseThrow().version());
    assertEquals(DraftStatus.APPROVED, a.store.draft(second).orElseThrow().status());
    assertEquals(published.version(), a.live.serving());
    assertEquals(published.version(), b.live.serving());
    assertEquals(2, a.store.versions().size());

    long restoring = System.nanoTime();
    workflow.restore(first.version(), "editor");
    long restored = awaitServing(b, first.version());
    assertTrue(b.firstCytokinesBubble().startsWith(OLD_TEXT));
    assertTrue(a.firstCytokinesBubble().startsWith(OLD_TEXT));
    System.out.printf("content restore: the other instance served it %d ms after the restore"
        + " began%n", (restored - restoring) / 1_000_000);
    // The draft based on the version that is no longer live cannot be published over it.
    assertThrows(ContentWorkflowException.class,
        () -> workflow.publish(second, "editor", null));
  }

  /** A draft changing the cytokines answer, submitted by "editor", approved by "clinician". */
  private static String approvedDraft(ContentWorkflow workflow, Instance on) {
    ContentDraft draft = workflow.create("editor", null);
    String text = workflow.file(draft.id(), DIALOG);
    String changed = text.contains(OLD_TEXT) ? text.replace(OLD_TEXT, NEW_TEXT)
        : text.replace(NEW_TEXT, NEW_TEXT + " Again.");
    assertEquals(List.of(), workflow.save(draft.id(), DIALOG, changed, "editor").problems());
    workflow.submit(draft.id(), "editor", null);
    workflow.approve(draft.id(), "clinician", "Fine");
    return draft.id();
  }

  /** Waits up to 5 s for the instance to serve the version; returns when it did (nanos). */
  private static long awaitServing(Instance instance, int version) {
    long deadline = System.nanoTime() + SWITCH.toNanos();
    while (instance.live.serving() != version) {
      assertTrue(System.nanoTime() < deadline, "the other instance did not switch to version "
          + version + " within " + SWITCH.toSeconds() + " s (serving "
          + instance.live.serving() + ")");
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    return System.nanoTime();
  }


  private <T extends AutoCloseable> T opened(T closeable) {
    return opened.add(closeable);
  }
}
