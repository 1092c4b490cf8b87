package org.helpline.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.helpline.channel.whatsapp.dto.WhatsAppSendMessage;
import org.helpline.conversation.ChatReply;
import org.helpline.support.RealBot;
import org.junit.jupiter.api.Test;

/** WhatsApp's limits: nothing the person must read is dropped to fit them. */
class WhatsAppMapperTest {

  private static ChatReply reply(String text, int options) {
    List<ChatReply.Choice> quick = IntStream.rangeClosed(1, options).mapToObj(i ->
        new ChatReply.Choice("Help if you're struggling " + i, "intent_" + i)).toList();
    return new ChatReply("answer", "x", 1.0, List.of(new ChatReply.Message(text, List.of())), quick, null, null,
        null, null);
  }

  @Test
  void aLongAnswerIsSplitAt4096AndTheButtonsFollowWithAShortBody() {
    String text = "Call 999 now if someone has collapsed.\n\n" + "word ".repeat(1000)
        + "\n\nOr call 0808 800 4040 " + "x".repeat(1100);
    List<WhatsAppSendMessage> out = WhatsAppMapper.toMessages("447700900456", reply(text, 2),
        RealBot.channelWords());
    List<WhatsAppSendMessage> texts = out.subList(0, out.size() - 1);
    texts.forEach(m -> assertEquals("text", m.type()));
    texts.forEach(m -> assertTrue(m.text().body().length() <= 4096));
    String all = String.join(" ", texts.stream().map(m -> m.text().body()).toList());
    assertTrue(all.startsWith("Call 999 now") && all.contains("0808 800 4040"));
    WhatsAppSendMessage buttons = out.get(out.size() - 1);
    assertEquals("button", buttons.interactive().type());
    assertEquals(RealBot.channelWords().chooseNext(), buttons.interactive().body().text());
  }

  @Test
  void upToThreeOptionsAreReplyButtonsWithShortTitles() {
    WhatsAppSendMessage m = WhatsAppMapper.toMessages("1", reply("Hi.", 3),
        RealBot.channelWords()).get(0);
    assertEquals("Hi.", m.interactive().body().text());
    assertEquals(3, m.interactive().action().buttons().size());
    assertEquals("Help if you're stru…",
        m.interactive().action().buttons().get(0).reply().title());
    assertEquals("intent_1", m.interactive().action().buttons().get(0).reply().id());
  }

  @Test
  void fourToTenOptionsAreAListWhoseShortenedTitlesAreShownInFull() {
    WhatsAppSendMessage m = WhatsAppMapper.toMessages("1", reply("Hi.", 10),
        RealBot.channelWords()).get(0);
    assertEquals("list", m.interactive().type());
    var rows = m.interactive().action().sections().get(0).rows();
    assertEquals(10, rows.size());
    rows.forEach(r -> assertTrue(r.title().length() <= 24, r.title()));
    assertEquals("Help if you're struggling 10", rows.get(9).description());
    assertNull(m.interactive().action().buttons());
  }

  @Test
  void moreOptionsThanAListHoldsStayANumberedList() {
    List<WhatsAppSendMessage> out = WhatsAppMapper.toMessages("1", reply("Hi.", 11),
        RealBot.channelWords());
    assertEquals(1, out.size());
    assertEquals("text", out.get(0).type());
    assertTrue(out.get(0).text().body().contains("11. Help if you're struggling 11"));
  }
}
