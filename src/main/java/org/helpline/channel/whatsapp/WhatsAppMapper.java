package org.helpline.channel.whatsapp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.helpline.channel.messaging.MessagingInbound;
import org.helpline.channel.messaging.PlainTextRenderer;
import org.helpline.channel.meta.MetaTitles;
import org.helpline.channel.whatsapp.dto.WhatsAppAction;
import org.helpline.channel.whatsapp.dto.WhatsAppBody;
import org.helpline.channel.whatsapp.dto.WhatsAppInboundMessage;
import org.helpline.channel.whatsapp.dto.WhatsAppInteractiveMessage;
import org.helpline.channel.whatsapp.dto.WhatsAppReplyButton;
import org.helpline.channel.whatsapp.dto.WhatsAppReplyId;
import org.helpline.channel.whatsapp.dto.WhatsAppRow;
import org.helpline.channel.whatsapp.dto.WhatsAppSection;
import org.helpline.channel.whatsapp.dto.WhatsAppSendMessage;
import org.helpline.conversation.ChannelWords;
import org.helpline.conversation.ChatReply;

/** Translates between WhatsApp Cloud API messages and the conversation service. */
final class WhatsAppMapper {

  /** The channel name turns and message ids are kept under. */
  static final String CHANNEL = "whatsapp";

  /** WhatsApp refuses a text message longer than this. */
  static final int MAX_TEXT_LENGTH = 4096;

  /** The body of an interactive message is shorter. */
  static final int MAX_INTERACTIVE_BODY = 1024;

  static final int MAX_BUTTONS = 3;
  static final int MAX_BUTTON_TITLE = 20;
  static final int MAX_ROWS = 10;
  static final int MAX_ROW_TITLE = 24;
  static final int MAX_ROW_DESCRIPTION = 72;

  private WhatsAppMapper() {
  }

  /**
   * What the person sent: text or a tapped choice; a photo, voice note or location as a
   * message without text; null for what needs no answer (a reaction, an emoji on one of our
   * answers, or a system notice).
   */
  static MessagingInbound toMessage(WhatsAppInboundMessage in) {
    String id = messageId(in.id());
    String type = in.type() == null ? "" : in.type();
    String payload = switch (type) {
      case "interactive" -> in.interactive() == null ? null
          : in.interactive().buttonReply() != null ? in.interactive().buttonReply().id()
          : in.interactive().listReply() != null ? in.interactive().listReply().id() : null;
      case "button" -> in.button() == null ? null : in.button().payload();
      default -> null;
    };
    if (type.equals("text") && in.text() != null && in.text().body() != null) {
      return MessagingInbound.text(CHANNEL, in.from(), id, in.text().body());
    }
    if (payload != null) {
      return MessagingInbound.choice(CHANNEL, in.from(), id, payload);
    }
    boolean needsNoAnswer = type.equals("reaction") || type.equals("system")
        || type.equals("ephemeral") || type.equals("request_welcome");
    return needsNoAnswer ? null : MessagingInbound.withoutText(CHANNEL, in.from());
  }

  /**
   * The message id we keep. A wamid encodes the sender's phone number, so only its SHA-256 is
   * stored; the wamid's random part makes that hash impossible to reverse to the number.
   */
  static String messageId(String wamid) {
    if (wamid == null || wamid.isBlank()) {
      return null;
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(wamid.strip().getBytes(StandardCharsets.UTF_8));
      return "wamid-" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }

  /**
   * The reply as WhatsApp messages, in order: the text (links as "title: url", every phone
   * number kept), split at 4,096 characters; quick replies as up to 3 reply buttons or a list
   * of up to 10 rows on the last part. With more options than a list holds they stay a
   * numbered list in the text, which the conversation service understands as well.
   */
  static List<WhatsAppSendMessage> toMessages(String to, ChatReply reply, ChannelWords words) {
    List<ChatReply.Choice> options = reply.quickReplies();
    boolean interactive = !options.isEmpty() && options.size() <= MAX_ROWS;
    String text = PlainTextRenderer.render(interactive ? reply.withoutQuickReplies() : reply,
        words);
    List<String> parts = new ArrayList<>(PlainTextRenderer.split(text, MAX_TEXT_LENGTH));
    List<WhatsAppSendMessage> out = new ArrayList<>();
    if (!interactive) {
      parts.forEach(part -> out.add(WhatsAppSendMessage.text(to, part)));
      return out;
    }
    // The content's words open a list and stand above buttons the answer cannot carry.
    String body = words.chooseNext();
    if (!parts.isEmpty() && parts.get(parts.size() - 1).length() <= MAX_INTERACTIVE_BODY) {
      body = parts.remove(parts.size() - 1);
    }
    parts.forEach(part -> out.add(WhatsAppSendMessage.text(to, part)));
    out.add(WhatsAppSendMessage.interactive(to, options.size() <= MAX_BUTTONS
        ? buttons(body, options) : list(body, options, words.chooseButton())));
    return out;
  }

  private static WhatsAppInteractiveMessage buttons(String body, List<ChatReply.Choice> options) {
    List<WhatsAppReplyButton> buttons = options.stream()
        .map(q -> new WhatsAppReplyButton("reply", new WhatsAppReplyId(q.payload(),
            MetaTitles.fit(q.title(), MAX_BUTTON_TITLE))))
        .toList();
    return new WhatsAppInteractiveMessage("button", new WhatsAppBody(body),
        new WhatsAppAction(buttons, null, null));
  }

  private static WhatsAppInteractiveMessage list(String body, List<ChatReply.Choice> options,
      String listButton) {
    List<WhatsAppRow> rows = options.stream()
        .map(q -> {
          String title = MetaTitles.fit(q.title(), MAX_ROW_TITLE);
          // A shortened title is shown in full underneath.
          String description = title.equals(q.title().strip()) ? null
              : MetaTitles.fit(q.title(), MAX_ROW_DESCRIPTION);
          return new WhatsAppRow(q.payload(), title, description);
        })
        .toList();
    return new WhatsAppInteractiveMessage("list", new WhatsAppBody(body),
        new WhatsAppAction(null, listButton, List.of(new WhatsAppSection(null, rows))));
  }
}
