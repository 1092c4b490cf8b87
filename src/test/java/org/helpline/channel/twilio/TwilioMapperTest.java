package org.helpline.channel.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.xml.XmlPath;
import java.util.ArrayList;
import java.util.List;
import org.helpline.channel.messaging.PlainTextRenderer;
import org.helpline.conversation.ChatReply;
import org.helpline.support.RealBot;
import org.junit.jupiter.api.Test;

/** TwiML rendering: long replies split within Twilio's limit, nothing dropped or unescaped. */
class TwilioMapperTest {

  private static ChatReply longReply() {
    List<ChatReply.Message> bubbles = new ArrayList<>();
    bubbles.add(new ChatReply.Message("Call 999 now if someone has collapsed. " + "Words & <more> words "
        .repeat(25), List.of(new ChatReply.Link("Call 999", "tel:999"))));
    for (int i = 1; i <= 4; i++) {
      bubbles.add(new ChatReply.Message("Part " + i + ": \"quoted\" it's " + "plain text ".repeat(50)
          + "Call our nurses free on 0808 800 4040.", List.of(new ChatReply.Link("More",
          "https://www.example.org/page?a=1&b=" + i))));
    }
    return new ChatReply("answer", "x", 1.0, bubbles, List.of(new ChatReply.Choice("Side effects",
        "immunotherapy_side_effects"), new ChatReply.Choice("Talk to a nurse", "talk_to_nurse")),
        null, null, null, null);
  }

  @Test
  void aLongReplyIsSplitIntoMessagesOfAtMost1600CharactersWithNothingLost() {
    String xml = TwilioMapper.toTwiml(longReply(), RealBot.channelWords());
    List<String> messages = XmlPath.from(xml).getList("Response.Message", String.class);
    assertTrue(messages.size() > 1, xml);
    messages.forEach(m -> assertTrue(m.length() <= 1600, "message of " + m.length()));
    String joined = String.join(" ", messages);
    assertEquals(words(PlainTextRenderer.render(longReply(), RealBot.channelWords())),
        words(joined));
    assertTrue(joined.contains("Call 999 now"));
    assertEquals(4, joined.split("0808 800 4040", -1).length - 1);
    assertTrue(joined.contains("https://www.example.org/page?a=1&b=4"));
    assertTrue(joined.contains("2. Talk to a nurse"));
  }

  @Test
  void markupInTheTextIsEscapedSoTheTwimlStaysWellFormed() {
    String xml = TwilioMapper.toTwiml("Tom & Jerry <Message>not a tag</Message> \"q\" 'a'"
        + "\u0007");
    assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>"),
        xml);
    assertEquals(List.of("Tom & Jerry <Message>not a tag</Message> \"q\" 'a'"),
        XmlPath.from(xml).getList("Response.Message", String.class));
  }

  @Test
  void aStatusCallbackAnswerSendsNothing() {
    assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>",
        TwilioMapper.emptyTwiml());
  }

  private static List<String> words(String text) {
    return List.of(text.strip().split("\\s+"));
  }
}
