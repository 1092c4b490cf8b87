package org.helpline.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.helpline.content.ContentLoader;
import org.helpline.content.ContentSource;
import org.helpline.support.RealBot;
import org.junit.jupiter.api.Test;

/**
 * Notices come from content with the helpline number filled in; before content is loaded
 * the error texts come from the packaged notices and the number from configuration.
 */
class NoticesTest {

  private static final String CONFIGURED = "0800 000 0000";

  private static Notices notices(BotHolder bots) {
    return new Notices(bots, CONFIGURED, () -> ContentLoader.readNotices(
        ContentSource.directory(RealBot.PROJECT)));
  }

  @Test
  void whileStartingTheConfiguredNumberIsGivenAndMessagingNoticesWait() {
    Notices notices = notices(new BotHolder());
    assertEquals(new HelplineContact(CONFIGURED, "tel:08000000000", null, List.of(), null),
        notices.contact());
    assertEquals("If you need help now, call the nurse helpline free on " + CONFIGURED
        + ", or 999 in an emergency.", notices.callNow());
    assertTrue(notices.internalError().endsWith(CONFIGURED + ", or 999 in an emergency."));
    assertThrows(ClassifierUnavailableException.class, notices::onlyText);
    assertThrows(ClassifierUnavailableException.class, notices::running);
  }

  @Test
  void onceLoadedTheContentGivesTextsAndNumbers() {
    BotHolder bots = new BotHolder();
    bots.swap(RealBot.get());
    Notices notices = notices(bots);
    HelplineContact contact = notices.contact();
    assertEquals(contact, notices.running());
    assertEquals("999", contact.emergency());
    assertEquals(List.of("111", "116 123"), contact.otherNumbers());
    String phone = contact.phone();
    assertEquals("tel:+448088004040", contact.phoneUri());
    assertEquals(ChatReply.notice("Sorry, I can only read text messages. Please type your"
        + " question in words.\n\nTo talk to a nurse, call free on " + phone
        + ". In an emergency, call 999."), notices.onlyText());
    assertEquals("Sorry, I could not read that message. Please send your question again as a"
        + " short message.\n\nTo talk to a nurse, call free on " + phone
        + ". In an emergency, call 999.", notices.unreadable().replies().get(0).text());
    assertEquals("You've sent a lot of messages very quickly, so I need a short pause. Please"
        + " wait a minute and then send your question again.\n\nTo talk to a nurse, call free"
        + " on " + phone + ". In an emergency, call 999.",
        notices.tooFast().replies().get(0).text());
    assertEquals("Sorry, something went wrong on our side. You can call the nurse helpline"
        + " free on " + phone + ", or 999 in an emergency.", notices.internalError());
  }
}
