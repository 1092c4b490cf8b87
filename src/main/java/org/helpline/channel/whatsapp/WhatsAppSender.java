package org.helpline.channel.whatsapp;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.helpline.channel.messaging.AppSender;
import org.helpline.channel.messaging.SendRejectedException;
import org.helpline.channel.whatsapp.dto.WhatsAppSendMessage;
import org.helpline.config.HelplineConfig;
import org.helpline.conversation.ChannelWords;
import org.helpline.conversation.ChatReply;

/**
 * Writes to a person on WhatsApp from the business number they wrote to. WhatsApp lets a
 * business send free text only within 24 hours of the person's last message; after that only
 * an approved template ({@code helpline.channels.whatsapp.reply-template}), which {@link
 * #nudge} sends. The address is {@code <phone_number_id>/<wa_id>}.
 */
@ApplicationScoped
public class WhatsAppSender implements AppSender {

  /** How long after the person's last message WhatsApp accepts free text. */
  static final Duration WINDOW = Duration.ofHours(24);

  private final WhatsAppClient client;
  private final HelplineConfig.Meta settings;

  public WhatsAppSender(WhatsAppClient client, HelplineConfig config) {
    this.client = client;
    this.settings = config.channels().whatsapp();
  }

  /** The address of a person who wrote to this business number. */
  static String address(String phoneNumberId, String waId) {
    return phoneNumberId + "/" + waId;
  }

  @Override
  public String channel() {
    return WhatsAppMapper.CHANNEL;
  }

  @Override
  public boolean enabled() {
    return client.configured() && settings.appSecret().filter(s -> !s.isBlank()).isPresent();
  }

  @Override
  public Optional<Duration> window(String replyTo) {
    return Optional.of(WINDOW);
  }

  @Override
  public void send(String replyTo, ChatReply reply, ChannelWords words, Instant lastHeard,
      Instant now) {
    String[] to = parse(replyTo);
    for (WhatsAppSendMessage message : WhatsAppMapper.toMessages(to[1], reply, words)) {
      client.send(new WhatsAppOutgoing(to[0], message));
    }
  }

  @Override
  public boolean nudge(String replyTo) {
    Optional<String> template = settings.replyTemplate().filter(s -> !s.isBlank());
    if (template.isEmpty()) {
      return false;
    }
    String[] to = parse(replyTo);
    client.send(new WhatsAppOutgoing(to[0], WhatsAppSendMessage.template(to[1],
        template.get(), settings.replyTemplateLanguage())));
    return true;
  }

  private static String[] parse(String replyTo) {
    String[] parts = replyTo == null ? new String[0] : replyTo.split("/", -1);
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new SendRejectedException("malformed WhatsApp address");
    }
    return parts;
  }
}
