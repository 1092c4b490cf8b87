package org.helpline.channel.messenger;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.helpline.channel.messaging.AppSender;
import org.helpline.channel.messaging.SendRejectedException;
import org.helpline.channel.messenger.dto.MessengerSendRequest;
import org.helpline.config.HelplineConfig;
import org.helpline.conversation.ChannelWords;
import org.helpline.conversation.ChatReply;

/**
 * Writes to a person on Messenger by their page-scoped id (the address). Within 24 hours of
 * their last message it is a normal response; after that, up to 7 days, it goes with the
 * {@code HUMAN_AGENT} tag, which Messenger keeps for a person (a nurse) answering: the page
 * needs Meta's Human Agent permission for it. After 7 days Messenger accepts nothing.
 */
@ApplicationScoped
public class MessengerSender implements AppSender {

  /** How long after the person's last message Messenger lets a person answer. */
  static final Duration WINDOW = Duration.ofDays(7);
  private static final Duration STANDARD_WINDOW = Duration.ofHours(24);

  private final MessengerClient client;
  private final HelplineConfig.Messenger settings;

  public MessengerSender(MessengerClient client, HelplineConfig config) {
    this.client = client;
    this.settings = config.channels().messenger();
  }

  @Override
  public String channel() {
    return MessengerMapper.CHANNEL;
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
    if (replyTo == null || replyTo.isBlank()) {
      throw new SendRejectedException("malformed Messenger address");
    }
    boolean late = lastHeard == null || lastHeard.plus(STANDARD_WINDOW).isBefore(now);
    // No handoff in these replies, so no call button: the helpline's numbers are not needed.
    for (MessengerSendRequest request : MessengerMapper.toRequests(replyTo, reply, null,
        words)) {
      client.send(late ? MessengerSendRequest.humanAgent(replyTo, request.message())
          : request);
    }
  }
}
