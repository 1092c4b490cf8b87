package org.helpline.channel.messenger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.helpline.channel.messenger.dto.MessengerOutgoingMessage;
import org.helpline.channel.messenger.dto.MessengerSendRequest;
import org.helpline.conversation.ChatReply;
import org.helpline.conversation.HelplineContact;
import org.helpline.support.RealBot;
import org.junit.jupiter.api.Test;

/** Messenger's limits: nothing the person must read is dropped to fit them. */
class MessengerMapperTest {

  private static final HelplineContact HELPLINE = new HelplineContact("0808 800 4040",
      "tel:+448088004040", "999", List.of(), null);

  private static ChatReply reply(String text, List<ChatReply.Choice> options,
      ChatReply.Handoff h) {
    return new ChatReply("answer", "x", 1.0, List.of(new ChatReply.Message(text, List.of())), options, h, null, null,
        null);
  }

  private static List<ChatReply.Choice> options(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> new ChatReply.Choice("Help if you're"
        + " struggling " + i, "intent_" + i)).toList();
  }

  @Test
  void aLongAnswerIsSplitWithinTheLimitKeepingTheNumbersAndTheQuickRepliesGoLast() {
    String text = "Call 999 now if someone has collapsed.\n\n" + "word ".repeat(900)
        + "\n\nOr call 0808 800 4040.";
    List<MessengerSendRequest> out = MessengerMapper.toRequests("psid", reply(text,
        options(4), null), HELPLINE, RealBot.channelWords());
    assertTrue(out.size() >= 3, "parts " + out.size());
    String all = String.join(" ", out.stream().map(r -> r.message().text()).toList());
    assertTrue(all.contains("Call 999 now") && all.contains("0808 800 4040"));
    out.forEach(r -> assertTrue(r.message().text().length() <= 2000));
    out.subList(0, out.size() - 1).forEach(r -> assertNull(r.message().quickReplies()));
    MessengerOutgoingMessage last = out.get(out.size() - 1).message();
    assertEquals(4, last.quickReplies().size());
    last.quickReplies().forEach(q -> assertTrue(q.title().length() <= 20, q.title()));
    assertEquals("Help if you're stru…", last.quickReplies().get(0).title());
  }

  @Test
  void moreOptionsThanMessengerAllowsStayANumberedList() {
    List<MessengerSendRequest> out = MessengerMapper.toRequests("psid", reply("Pick one.",
        options(14), null), HELPLINE, RealBot.channelWords());
    MessengerOutgoingMessage last = out.get(out.size() - 1).message();
    assertNull(last.quickReplies());
    assertTrue(last.text().contains("Reply with a number:\n1. Help if you're struggling 1"));
    assertTrue(last.text().contains("14. Help if you're struggling 14"));
  }

  @Test
  void aHandoffEndsWithACallButtonCarryingTheQuickReplies() {
    ChatReply.Handoff handoff = new ChatReply.Handoff("asked_for_nurse", "routine",
        "0808 800 4040", true, "Monday to Friday", null, List.of());
    List<MessengerSendRequest> out = MessengerMapper.toRequests("psid", reply(
        "Call our nurses free on 0808 800 4040.", options(2), handoff), HELPLINE,
        RealBot.channelWords());
    assertEquals(2, out.size());
    assertEquals("Call our nurses free on 0808 800 4040.", out.get(0).message().text());
    MessengerOutgoingMessage call = out.get(1).message();
    assertEquals("+448088004040", call.attachment().payload().buttons().get(0).payload());
    assertEquals(2, call.quickReplies().size());
  }
}
