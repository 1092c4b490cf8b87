package org.helpline.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.helpline.support.RealBot;
import org.junit.jupiter.api.Test;

/** Telegram's text limit: a reply that would be refused is shortened, never lost entirely. */
class TelegramMapperTest {

  @Test
  void anOverlongTextEndsWithinTheLimitWithTheHelplineNumber() {
    String text = "Call 999 now if someone has collapsed.\n\n" + "word ".repeat(1000);
    String fitted = TelegramMapper.fit(text, RealBot.channelWords());
    assertTrue(fitted.length() <= 4096, "length " + fitted.length());
    assertTrue(fitted.startsWith("Call 999 now"));
    assertTrue(fitted.endsWith("call the nurse helpline free on 0808 800 4040.)"), fitted);
  }

  @Test
  void aTextWithinTheLimitIsUnchanged() {
    String text = "a".repeat(4096);
    assertEquals(text, TelegramMapper.fit(text, RealBot.channelWords()));
  }
}
