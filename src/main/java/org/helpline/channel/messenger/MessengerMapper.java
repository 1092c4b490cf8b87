package org.helpline.channel.messenger;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.helpline.channel.messaging.MessagingInbound;
import org.helpline.channel.messaging.PlainTextRenderer;
import org.helpline.channel.messenger.dto.MessengerAttachment;
import org.helpline.channel.messenger.dto.MessengerButton;
import org.helpline.channel.messenger.dto.MessengerEvent;
import org.helpline.channel.messenger.dto.MessengerInboundMessage;
import org.helpline.channel.messenger.dto.MessengerOutgoingMessage;
import org.helpline.channel.messenger.dto.MessengerQuickReply;
import org.helpline.channel.messenger.dto.MessengerSendRequest;
import org.helpline.channel.messenger.dto.MessengerTemplate;
import org.helpline.channel.meta.MetaTitles;
import org.helpline.conversation.ChannelWords;
import org.helpline.conversation.ChatReply;
import org.helpline.conversation.HelplineContact;

/** Translates between Messenger events and Send API requests and the conversation service. */
final class MessengerMapper {

  /** The channel name turns and message ids are kept under. */
  static final String CHANNEL = "messenger";

  /** Messenger refuses a text longer than this. */
  static final int MAX_TEXT_LENGTH = 2000;

  static final int MAX_QUICK_REPLIES = 13;
  static final int MAX_TITLE = 20;
  static final int MAX_TEMPLATE_TEXT = 640;

  /** The payload to give the page's Get Started button; it is greeted like "hello". */
  static final String GET_STARTED = "GET_STARTED";

  private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");

  private MessengerMapper() {
  }

  /** The person's sender id, or null for an event without one. */
  static String senderId(MessengerEvent event) {
    return event.sender() == null || event.sender().id() == null
        || event.sender().id().isBlank() ? null : event.sender().id();
  }

  /**
   * What the person sent: text or a tapped choice; a photo, voice note or sticker as a
   * message without text; null for what needs no answer (receipts, echoes of our messages).
   */
  static MessagingInbound toMessage(MessengerEvent event) {
    String sender = senderId(event);
    if (sender == null) {
      return null;
    }
    if (event.postback() != null && event.postback().payload() != null) {
      String payload = event.postback().payload();
      String mid = event.postback().mid();
      return GET_STARTED.equals(payload)
          ? MessagingInbound.text(CHANNEL, sender, mid, "hello")
          : MessagingInbound.choice(CHANNEL, sender, mid, payload);
    }
    MessengerInboundMessage m = event.message();
    if (m == null || Boolean.TRUE.equals(m.isEcho())) {
      return null;
    }
    if (m.quickReply() != null && m.quickReply().payload() != null) {
      return MessagingInbound.choice(CHANNEL, sender, m.mid(), m.quickReply().payload());
    }
    if (m.text() != null && !m.text().isBlank()) {
      return MessagingInbound.text(CHANNEL, sender, m.mid(), m.text());
    }
    boolean attachment = m.attachments() != null && !m.attachments().isEmpty();
    return attachment ? MessagingInbound.withoutText(CHANNEL, sender) : null;
  }

  /**
   * The reply as Send API requests, in order: the text (links as "title: url", every phone
   * number kept) split at 2,000 characters; on a handoff, a button template that calls the
   * helpline; quick replies (up to 13) on the last message. More options than that stay a
   * numbered list in the text, which the conversation service understands as well.
   */
  static List<MessengerSendRequest> toRequests(String psid, ChatReply reply,
      HelplineContact helpline, ChannelWords words) {
    List<ChatReply.Choice> options = reply.quickReplies();
    boolean quick = !options.isEmpty() && options.size() <= MAX_QUICK_REPLIES;
    String text = PlainTextRenderer.render(quick ? reply.withoutQuickReplies() : reply, words);
    List<MessengerOutgoingMessage> messages = new ArrayList<>();
    for (String part : PlainTextRenderer.split(text, MAX_TEXT_LENGTH)) {
      messages.add(new MessengerOutgoingMessage(part, null, null));
    }
    MessengerOutgoingMessage call = callButton(reply.handoff(), helpline, words);
    if (call != null) {
      messages.add(call);
    }
    if (quick && !messages.isEmpty()) {
      MessengerOutgoingMessage last = messages.remove(messages.size() - 1);
      messages.add(new MessengerOutgoingMessage(last.text(), last.attachment(),
          options.stream().map(q -> new MessengerQuickReply("text",
              MetaTitles.fit(q.title(), MAX_TITLE), q.payload())).toList()));
    }
    return messages.stream().map(m -> MessengerSendRequest.response(psid, m)).toList();
  }

  /** A template whose button dials the helpline, or null when there is no handoff. */
  private static MessengerOutgoingMessage callButton(ChatReply.Handoff handoff,
      HelplineContact helpline, ChannelWords words) {
    if (handoff == null || helpline.phoneUri() == null) {
      return null;
    }
    String number = helpline.phoneUri().replaceFirst("^tel:", "").replaceAll("[\\s-]", "");
    if (!E164.matcher(number).matches()) {
      // Messenger accepts only "+<country code><number>"; the number is in the text anyway.
      return null;
    }
    String text = MetaTitles.fit(words.callNurses(), MAX_TEMPLATE_TEXT);
    return new MessengerOutgoingMessage(null, new MessengerAttachment("template",
        new MessengerTemplate("button", text,
            List.of(new MessengerButton("phone_number", words.callButton(), number)))), null);
  }
}
