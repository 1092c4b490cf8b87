package org.helpline.channel.twilio;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.helpline.channel.messaging.AppSender;
import org.helpline.channel.messaging.PlainTextRenderer;
import org.helpline.channel.messaging.SendRejectedException;
import org.helpline.config.HelplineConfig;
import org.helpline.conversation.ChannelWords;
import org.helpline.conversation.ChatReply;

/**
 * Writes to a person on SMS (or WhatsApp through Twilio) from the number they wrote to. The
 * address is {@code <our number>|<their number>}, as Twilio's webhook gives them ({@code
 * whatsapp:+44...} for WhatsApp, which keeps WhatsApp's 24-hour window).
 */
@ApplicationScoped
public class TwilioSender implements AppSender {

  private static final String WHATSAPP = "whatsapp:";
  private static final Duration WHATSAPP_WINDOW = Duration.ofHours(24);

  private final TwilioClient client;
  private final HelplineConfig.Twilio settings;

  public TwilioSender(TwilioClient client, HelplineConfig config) {
    this.client = client;
    this.settings = config.channels().twilio();
  }

  /** The address of a person who wrote from {@code theirs} to {@code ours}. */
  static String address(String ours, String theirs) {
    return ours + "|" + theirs;
  }

  @Override
  public String channel() {
    return TwilioMapper.CHANNEL;
  }

  @Override
  public boolean enabled() {
    return client.configured() && settings.webhookUrl().filter(s -> !s.isBlank()).isPresent();
  }

  @Override
  public Optional<Duration> window(String replyTo) {
    return replyTo != null && replyTo.contains("|" + WHATSAPP)
        ? Optional.of(WHATSAPP_WINDOW) : Optional.empty();
  }

  @Override
  public void send(String replyTo, ChatReply reply, ChannelWords words, Instant lastHeard,
      Instant now) {
    String[] numbers = replyTo == null ? new String[0] : replyTo.split("\\|", -1);
    if (numbers.length != 2 || numbers[0].isBlank() || numbers[1].isBlank()) {
      throw new SendRejectedException("malformed Twilio address");
    }
    String text = PlainTextRenderer.render(reply, words);
    for (String part : PlainTextRenderer.split(text, TwilioMapper.MAX_MESSAGE_LENGTH)) {
      client.send(new TwilioClient.Outgoing(numbers[0], numbers[1], part));
    }
  }
}
