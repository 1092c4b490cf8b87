package org.helpline.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.helpline.conversation.BotHolder;
import org.helpline.conversation.ChatMessage;
import org.helpline.conversation.ChatOutcome;
import org.helpline.conversation.ConversationService;
import org.helpline.conversation.SenderKeys;
import org.helpline.feedback.FeedbackStore.Rating;
import org.helpline.feedback.IntentFeedback;
import org.helpline.insights.MisunderstoodTurn;
import org.helpline.support.RealBot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editors' stores on the embedded database, fed by real turns of the real bot. */
class H2EditorStoresTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  @TempDir
  Path dir;

  private DataSource ds;
  private ConversationService service;

  @BeforeEach
  void open() {
    ds = TestDatabases.h2(dir);
    BotHolder bots = new BotHolder();
    bots.swap(RealBot.get());
    service = new ConversationService(bots, new JdbcConversationStore(ds),
        Clock.fixed(NOW, ZoneOffset.UTC), 1000, Duration.ofMinutes(30), SenderKeys.random());
  }

  private ChatOutcome say(String conversationId, String text) {
    return service.handle(ChatMessage.web(conversationId, text, null, null));
  }

  @Test
  void aTurnIsRatedOnceWithTheIntentItAnswered() {
    JdbcFeedbackStore store = new JdbcFeedbackStore(ds);
    ChatOutcome answer = say(null, "what are checkpoint inhibitors");
    String id = answer.conversationId();

    assertEquals(Rating.RECORDED, store.rate(id, 1, false, "too long", NOW));
    assertEquals(Rating.ALREADY_RATED, store.rate(id, 1, true, null, NOW));
    assertEquals(Rating.UNKNOWN_TURN, store.rate(id, 2, true, null, NOW));
    assertEquals(Rating.UNKNOWN_CONVERSATION,
        store.rate("00000000-0000-4000-8000-000000000000", 1, true, null, NOW));

    assertEquals(List.of(new IntentFeedback("checkpoint_inhibitors", 0, 1, List.of("too long"),
        List.of("what are checkpoint inhibitors"))),
        store.summary(NOW.minus(Duration.ofDays(30)), 10));
    assertEquals(List.of(), store.summary(NOW.plusSeconds(1), 10));
  }

  @Test
  void aReplyWithoutAnIntentIsRatedUnderWhatTheBotDid() {
    JdbcFeedbackStore store = new JdbcFeedbackStore(ds);
    ChatOutcome outcome = say(null, "what is the best pizza topping");
    store.rate(outcome.conversationId(), 1, false, null, NOW);
    String expected = outcome.reply().intent() != null ? outcome.reply().intent()
        : outcome.reply().action();
    assertEquals(expected, store.summary(NOW.minus(Duration.ofDays(1)), 10).get(0).intent());
  }

  @Test
  void onlyFallbackAndClarifyTurnsWithTextAreReportedNewestFirst() {
    JdbcInsightsStore store = new JdbcInsightsStore(ds);
    ChatOutcome first = say(null, "what is the best pizza topping");
    say(null, "what are checkpoint inhibitors");
    assertEquals("fallback", first.reply().action());

    List<MisunderstoodTurn> turns = store.misunderstoodSince(NOW.minus(Duration.ofDays(30)),
        100);
    assertEquals(1, turns.size(), turns.toString());
    assertEquals("what is the best pizza topping", turns.get(0).text());
    assertEquals("fallback", turns.get(0).action());
    assertEquals(NOW, turns.get(0).at());
    assertEquals(List.of(), store.misunderstoodSince(NOW.plusSeconds(1), 100));
  }

  @Test
  void retentionDeletesRatingsWithTheTranscripts() {
    JdbcFeedbackStore feedback = new JdbcFeedbackStore(ds);
    String id = say(null, "what are checkpoint inhibitors").conversationId();
    feedback.rate(id, 1, true, null, NOW);
    new JdbcConversationStore(ds).deleteOlderThan(NOW.plus(Duration.ofDays(1)),
        NOW.minus(Duration.ofDays(365)));
    assertTrue(feedback.summary(NOW.minus(Duration.ofDays(30)), 10).isEmpty());
  }
}
