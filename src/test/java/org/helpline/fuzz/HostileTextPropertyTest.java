package org.helpline.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.StringLength;
import org.helpline.conversation.BotTurn;
import org.helpline.conversation.HelplineBot;
import org.helpline.conversation.Redactor;
import org.helpline.conversation.Utterance;
import org.helpline.dialog.ConversationState;
import org.helpline.dialog.Turn;
import org.helpline.nlu.TextNormaliser;
import org.helpline.safety.SafetyResult;
import org.helpline.support.RealBot;

/**
 * Properties of the pure text pipeline under hostile input: any Unicode (control characters,
 * bidi overrides, zero-width characters, emoji, lone surrogates), run through the real content
 * and model. jqwik runs here, outside Quarkus: its engine is not JUnit Jupiter, so
 * {@code @QuarkusTest} cannot apply to it; the HTTP side is {@link FuzzEndpointsTest}.
 */
class HostileTextPropertyTest {

  private static final HelplineBot BOT = RealBot.get();
  private static final Redactor REDACTOR = BOT.redactor();
  private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");

  /** Invisible characters a paste or a hostile client can put inside a word. */
  private static final String INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u202e\u202c"
      + "\u2066\u2069\u200e\u200f";

  /** Any char at all, weighted towards the troublesome ranges. */
  @Provide
  Arbitrary<String> hostile() {
    Arbitrary<Character> chars = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.chars().all()),
        Tuple.of(3, Arbitraries.chars().range(' ', '~')),
        Tuple.of(1, Arbitraries.chars().range('\u0000', '\u001f')),
        Tuple.of(1, Arbitraries.chars().range('\ud800', '\udfff')),
        Tuple.of(1, Arbitraries.of(INVISIBLE.chars()
            .mapToObj(c -> (char) c).toList())),
        Tuple.of(1, Arbitraries.chars().range('\u0300', '\u036f')));
    Arbitrary<String> random = chars.list().ofMaxSize(300).map(HostileTextPropertyTest::join);
    Arbitrary<String> emoji = Arbitraries.of("\ud83d\ude00", "\ud83d\udc68\u200d\ud83d\udc69"
        + "\u200d\ud83d\udc67", "\ud83c\uddec\ud83c\udde7", "\u2764\ufe0f", "\ud83e\udd12")
        .list().ofMaxSize(20).map(l -> String.join("", l));
    return Arbitraries.oneOf(random, emoji, Arbitraries.strings().all().ofMaxLength(1000));
  }

  /** Words, punctuation and digits: what might pass for a message with personal details. */
  @Provide
  Arbitrary<String> messy() {
    return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEF0123456789 "
        + "@.+-/()'_%:,\n\u00e9").ofMaxLength(200);
  }

  /**
   * Phrasings from the safety set that the rules catch on their own (the others rely on the
   * classifier's safety net, which noise may rightly move).
   */
  @Provide
  Arbitrary<String> emergencies() {
    return Arbitraries.of(ruleCaught("must_escalate_medical_emergency.txt"));
  }

  @Provide
  Arbitrary<String> selfHarm() {
    return Arbitraries.of(ruleCaught("must_escalate_self_harm.txt"));
  }

  /** Noise that may hold anything but never runs into the phrase's own clause. */
  @Provide
  Arbitrary<String> noise() {
    return hostile();
  }

  @Property(tries = 200)
  void normalisingNeverThrowsAndGivesSingleSpacedLowerCaseWords(
      @ForAll("hostile") String text) {
    String once = TextNormaliser.plain().normalise(text);
    assertNotNull(once);
    assertEquals(once.strip(), once);
    assertFalse(once.contains("  "), once);
    assertEquals(once, TextNormaliser.plain().normalise(once), "normalising is idempotent");
  }

  @Property(tries = 200)
  void theWholePipelineAnswersAnyTextWithoutThrowing(@ForAll("hostile") String text) {
    BotTurn taken = BOT.respond(ConversationState.start(NOW), Utterance.typed(text),
        Clock.fixed(NOW, ZoneOffset.UTC));
    Turn turn = taken.turn();
    assertFalse(turn.replies().isEmpty(), "every turn says something");
    if (taken.safety().escalated()) {
      assertEquals("ESCALATE", turn.action().name());
    }
  }

  @Property(tries = 200)
  void anEmergencyInsideRandomNoiseStillEscalates(@ForAll("emergencies") String phrase,
      @ForAll("noise") String before, @ForAll("noise") String after) {
    String text = before + ".\n" + phrase + ".\n" + after;
    SafetyResult result = BOT.screen().screen(text);
    assertTrue(result.escalated(), () -> "not escalated: " + escape(text));
  }

  @Property(tries = 200)
  void selfHarmInsideRandomNoiseStillEscalates(@ForAll("selfHarm") String phrase,
      @ForAll("noise") String before, @ForAll("noise") String after) {
    String text = before + ".\n" + phrase + ".\n" + after;
    assertTrue(BOT.screen().screen(text).escalated(), () -> "not escalated: " + escape(text));
  }

  @Property(tries = 200)
  void invisibleCharactersInsideWordsDoNotHideAnEmergency(@ForAll("emergencies") String phrase,
      @ForAll("seeds") long seed) {
    String disguised = sprinkle(phrase, seed);
    assertTrue(BOT.screen().screen(disguised).escalated(),
        () -> "not escalated: " + escape(disguised));
  }

  @Property(tries = 200)
  void fullWidthAndBidiWrappedSelfHarmStillEscalates(@ForAll("selfHarm") String phrase) {
    StringBuilder wide = new StringBuilder();
    phrase.chars().forEach(c -> wide.append(c >= '!' && c <= '~' ? (char) (c - '!' + '\uff01')
        : (char) c));
    String text = "\u202e" + wide + "\u202c";
    assertTrue(BOT.screen().screen(text).escalated(), () -> "not escalated: " + escape(text));
  }

  @Example
  void aWordJoinerOrSoftHyphenInsideAWordNoLongerHidesIt() {
    // Found by invisibleCharactersInsideWordsDoNotHideAnEmergency: both used to split the word.
    assertTrue(BOT.screen().screen("i cant br\u2060eathe").escalated());
    assertTrue(BOT.screen().screen("i want to k\u00adill my\u200bself").escalated());
    assertEquals("what is immunotherapy",
        TextNormaliser.plain().normalise("\u202ewhat\ufeff is immuno\u00adtherapy\u202c"));
  }

  @Property(tries = 300)
  void redactionNeverThrowsAndIsIdempotent(@ForAll("messy") String text) {
    String once = REDACTOR.redact(text);
    assertEquals(once, REDACTOR.redact(once));
  }

  @Property(tries = 200)
  void redactionNeverThrowsOnAnyUnicode(@ForAll("hostile") String text) {
    String once = REDACTOR.redact(text);
    assertEquals(once, REDACTOR.redact(once));
  }

  @Property(tries = 200)
  void aMobileNumberOrEmailInsideTextIsAlwaysRemoved(@ForAll("words") String before,
      @ForAll("words") String after, @ForAll("mobiles") String mobile) {
    String text = before + " call me on " + mobile + " or canary.x7@example.org " + after;
    String redacted = REDACTOR.redact(text);
    assertFalse(redacted.contains(mobile), redacted);
    assertFalse(redacted.contains("canary.x7@"), redacted);
  }

  @Property(tries = 100)
  void overLongTextIsStillScreenedAndClassified(
      @ForAll @StringLength(min = 2000, max = 20000) String text) {
    // The HTTP layer refuses text over 1000 characters, but the triage and reload paths pass
    // what they are given: the pure parts must cope with any length.
    assertNotNull(BOT.screen().screen(text));
    assertNotNull(BOT.classifier().classify(text));
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  @Provide
  Arbitrary<String> words() {
    return Arbitraries.strings().alpha().ofMaxLength(12).list().ofMaxSize(8)
        .map(l -> String.join(" ", l));
  }

  @Provide
  Arbitrary<String> mobiles() {
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofLength(6);
    return Combinators.combine(Arbitraries.of("07700 ", "07700", "+44 7700 ", "+447700"),
        digits).as((prefix, d) -> prefix + d);
  }

  /** The phrase with an invisible character after some of its letters, chosen by the seed. */
  private static String sprinkle(String phrase, long seed) {
    Random random = new Random(seed);
    StringBuilder sb = new StringBuilder();
    for (char c : phrase.toCharArray()) {
      sb.append(c);
      if (Character.isLetter(c) && random.nextInt(3) == 0) {
        sb.append(INVISIBLE.charAt(random.nextInt(INVISIBLE.length())));
      }
    }
    return sb.toString();
  }

  private static List<String> ruleCaught(String file) {
    try {
      List<String> caught = Files.readAllLines(Path.of("src/test/resources/safety", file),
          StandardCharsets.UTF_8).stream().map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .filter(l -> BOT.screen().screen(l).escalated()).toList();
      assertTrue(caught.size() >= 20, file + ": too few phrasings caught by rules alone");
      return caught;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String join(List<Character> chars) {
    StringBuilder sb = new StringBuilder(chars.size());
    chars.forEach(sb::append);
    return sb.toString();
  }

  /** The text with every non-ASCII or control character as a \\uXXXX escape, for messages. */
  static String escape(String text) {
    StringBuilder sb = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c >= ' ' && c < 0x7f) {
        sb.append(c);
      } else {
        sb.append(String.format("\\u%04x", (int) c));
      }
    }
    return sb.toString();
  }
}
