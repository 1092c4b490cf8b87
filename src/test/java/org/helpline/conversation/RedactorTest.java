package org.helpline.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.helpline.support.RealBot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Redaction with the real content's numbers kept. */
class RedactorTest {

  private static final Redactor REDACTOR = RealBot.get().redactor();

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "email me at jo.bloggs+nhs@example.co.uk please|email me at [email] please",
      "my nhs number is 943 476 5919|my nhs number is [nhs number]",
      "nhs no 9434765919.|nhs no [nhs number].",
      "call me on 07700 900123|call me on [phone]",
      "my number is +44 7700 900123 thanks|my number is [phone] thanks",
      "ring 020 7946 0018 after 6|ring [phone] after 6",
      "french mobile +33 6 12 34 56 78|french mobile [phone]",
      "i live at SW1A 1AA|i live at [postcode]",
      "postcode m1 1ae near the hospital|postcode [postcode] near the hospital",
      "born 12/03/1956 and on keytruda|born [date] and on keytruda",
      "dob 3rd March 1961|dob [date]",
      "date of birth 1961-03-03|date of birth [date]",
      "born March 3, 1961|born [date]"})
  void redactsPersonalData(String text, String expected) {
    assertEquals(expected, REDACTOR.redact(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "call the nurses on 0808 800 4040",
      "samaritans are on 116 123",
      "call 999 now",
      "nhs 111 can help",
      "text SHOUT to 85258",
      "my temperature is 38.5",
      "i had 6 cycles of chemo in 2019",
      "i am 64 years old",
      "what is pd-l1",
      "is car t on the nhs"})
  void leavesOrdinaryTextAndTheServiceNumbersAlone(String text) {
    assertEquals(text, REDACTOR.redact(text));
  }

  @Test
  void tenDigitsThatFailTheNhsCheckAreNotCalledAnNhsNumber() {
    assertTrue(Redactor.isNhsNumber("9434765919"));
    assertFalse(Redactor.isNhsNumber("9434765918"));
    assertFalse(REDACTOR.redact("ref 943 476 5918").contains("[nhs number]"));
  }
}
