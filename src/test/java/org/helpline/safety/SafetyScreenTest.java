package org.helpline.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.helpline.content.CalmContext;
import org.helpline.content.SafetyRule;
import org.helpline.content.SafetyRules;
import org.helpline.nlu.TextNormaliser;
import org.helpline.support.RealBot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SafetyScreenTest {

  /** A small rule set, so each matching behaviour is tested on its own. */
  private final SafetyScreen tiny = new SafetyScreen(new SafetyRules(
      List.of("not", "no", "dont", "never"), List.of("but", "i", "im"),
      List.of(
          new SafetyRule("breathing", "medical_emergency", "medical_emergency",
              List.of("cant breathe", "collapsed"), List.of(), List.of()),
          new SafetyRule("fever", "medical_emergency", "treatment_fever", List.of(),
              List.of(List.of("chemo", "immunotherapy"), List.of("temperature", "shiver*")),
              List.of("temperature is normal")),
          new SafetyRule("suicidal", "self_harm", "self_harm",
              List.of("suicidal", "want to die"), List.of(), List.of()))),
      TextNormaliser.plain());

  private final SafetyScreen real = RealBot.get().screen();

  /** The same rules with a calm context, the fever rule marked calmContext: false. */
  private final SafetyScreen calm = new SafetyScreen(new SafetyRules(
      List.of("not", "no"), List.of("but"),
      List.of(
          new SafetyRule("collapse", "medical_emergency", "medical_emergency",
              List.of("collapsed", "seizure"), List.of(), List.of()),
          new SafetyRule("fever", "medical_emergency", "treatment_fever", List.of(),
              List.of(List.of("chemo"), List.of("fever", "temperature")), List.of(), false),
          new SafetyRule("suicidal", "self_harm", "self_harm",
              List.of("overdose", "suicide"), List.of(), List.of())),
      new CalmContext(List.of("years ago", "last week"), List.of("what should i do if"),
          List.of("essay", "novel"), List.of("right now", "again"))),
      TextNormaliser.plain());

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "I can't breathe|breathing",
      "i cant breathe|breathing",
      "I CANT REALLY BREATHE|breathing",
      "my dad collasped in the kitchen|breathing",
      "on chemo and shivering a lot|fever",
      "im on immunotherapy. my temperature is 38.5|fever",
      "No. I want to die|suicidal",
      "im so tired of this i want to die|suicidal"})
  void firesOnPhrasesWithTyposCaseAndExtraWords(String text, String rule) {
    SafetyResult result = tiny.screen(text);
    assertTrue(result.escalated(), text);
    assertEquals(rule, result.escalation().get().rule());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "my dad had a seizure years ago, can he have immunotherapy|",
      "what should i do if i get a fever on chemo|",
      "what should i do if he collapsed|",
      "im writing an essay on suicide prevention|",
      "my nan collapsed years ago and again right now|collapse",
      "had chemo last week and now a fever|fever",
      "what should i do if i took an overdose|suicidal",
      "a character in my novel took an overdose but right now i have|suicidal"})
  void theCalmContextStopsMentionsButNeverWhatIsHappeningNow(String text, String rule) {
    SafetyResult result = calm.screen(text);
    assertEquals(rule == null ? null : rule, result.escalation().map(Escalation::rule)
        .orElse(null), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "I'm not suicidal, just asking about side effects",
      "i dont want to die without trying everything",
      "on chemo and my temperature is normal",
      "what is a temperature",
      "chemo makes me tired"})
  void staysQuietOnNegationsAndIncompleteRules(String text) {
    assertFalse(tiny.screen(text).escalated(), text);
  }

  @Test
  void aNegatedPhraseIsReportedSoTheClassifierNetRespectsIt() {
    assertEquals(Set.of("self_harm"),
        tiny.screen("im not suicidal, just worried").negatedTypes());
  }

  @Test
  void negationDoesNotReachPastAScopeBreaker() {
    assertTrue(tiny.screen("not sure but i want to die").escalated());
  }

  @Test
  void quotedWordsStillCountBecauseAPersonMayBeQuotingTheirOwnThoughts() {
    // Deliberate: 'I keep thinking "I want to die"' needs help; a false alarm costs little.
    assertTrue(tiny.screen("i keep thinking \"i want to die\"").escalated());
    // Quotes end a clause, so a negation outside them does not silence what is inside.
    assertTrue(tiny.screen("its not like \"i cant breathe\" but close").escalated());
  }

  @Test
  void emptyMessagesNeverFire() {
    assertFalse(tiny.screen("").escalated());
    assertFalse(tiny.screen(null).escalated());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "my husband has collapsed and wont wake up|medical_emergency",
      "he is not breathing|medical_emergency",
      "chest pian and my arm hurts|medical_emergency",
      "her face is drooping and her speech is slurred|medical_emergency",
      "im on keytruda and ive got a temprature of 38|medical_emergency",
      "having chemo and shivering, feel awful|medical_emergency",
      "i feel like ending it all|self_harm",
      "i dont want to be here anymore|self_harm",
      "thinkin of killing myself|self_harm",
      "my son says he wants to die|self_harm"})
  void theRealRulesEscalateEmergenciesAndCrises(String text, String type) {
    SafetyResult result = real.screen(text);
    assertTrue(result.escalated(), text);
    assertEquals(type, result.escalation().get().type());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "I'm not suicidal, just asking about side effects",
      "no chest pain, just a bit tired",
      "what is a checkpoint inhibitor",
      "im dying to know how car t works",
      "my temperature is normal on chemo"})
  void theRealRulesLetCalmMessagesThrough(String text) {
    assertFalse(real.screen(text).escalated(), text);
  }

  @Test
  void oneEditToleranceNeedsTheSameFirstLetterAndALongWord() {
    assertTrue(SafetyScreen.wordMatches("collasped", "collapsed"));
    assertTrue(SafetyScreen.wordMatches("suicdal", "suicidal"));
    assertFalse(SafetyScreen.wordMatches("painted", "fainted"));
    assertFalse(SafetyScreen.wordMatches("fewer", "fever"));
    assertTrue(SafetyScreen.wordMatches("shivering", "shiver*"));
  }
}
