package org.helpline.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.helpline.content.Content;
import org.helpline.handoff.ChatEvent;
import org.helpline.support.RealBot;
import org.junit.jupiter.api.Test;

/**
 * A person still waiting to chat when the line closes is told so and offered a message at
 * once, with the real content and opening hours (Monday to Friday, 9am to 5pm UK time): no
 * nurse will take their chat tonight, so waiting for the usual offer would leave them waiting
 * all night.
 */
class NurseChatLineClosingTest {

  private static final Duration AFTER = Duration.ofMinutes(10);
  private static final Instant WEDNESDAY_10AM = Instant.parse("2026-11-25T10:00:00Z");
  private static final Instant WEDNESDAY_5_01PM = Instant.parse("2026-11-25T17:01:00Z");

  private final Content content = RealBot.get().content();
  private final NurseChat chat = new NurseChat(true, Duration.ofHours(8), Duration.ofDays(30));

  @Test
  void whileTheLineIsOpenOnlyThoseWaitingLongerThanTheSettingAreOffered() {
    assertEquals(WEDNESDAY_10AM.minus(AFTER),
        NurseChat.offerToThoseWaitingSince(content, WEDNESDAY_10AM, AFTER));
    String said = chat.unclaimedOffer(content, "web", WEDNESDAY_10AM).orElseThrow().data();
    assertTrue(said.contains("keep waiting"), said);
  }

  @Test
  void onceItClosesEveryoneStillWaitingIsToldAndOfferedAMessage() {
    assertTrue(NurseChat.offerToThoseWaitingSince(content, WEDNESDAY_5_01PM, AFTER)
        .isAfter(WEDNESDAY_5_01PM), "everyone waiting until now, not only the long waits");
    ChatEvent.Draft offer = chat.unclaimedOffer(content, "web", WEDNESDAY_5_01PM)
        .orElseThrow();
    String said = offer.data();
    assertTrue(said.contains("finished for today") && !said.contains("keep waiting"), said);
    // Eight hours of opening time from 5:01pm Wednesday: 5pm on Thursday.
    assertTrue(said.contains("by 5pm on Thursday 26 November"), said);
    assertTrue(offer.data().contains("nurse_message"), offer.data());
  }
}
