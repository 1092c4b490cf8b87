package org.helpline.channel.telegram;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.helpline.channel.messaging.AppSender;
import org.helpline.channel.messaging.SendRejectedException;
import org.helpline.config.HelplineConfig;
import org.helpline.conversation.ChannelWords;
import org.helpline.conversation.ChatReply;

/**
 * Writes to a person on Telegram by their chat id (the address) with {@code sendMessage}.
 * Telegram sets no window: a bot may write to a private chat whose person has not blocked it.
 */
@ApplicationScoped
public class TelegramSender implements AppSender {

  private final TelegramClient client;
  private final HelplineConfig.Telegram settings;

  public TelegramSender(TelegramClient client, HelplineConfig config) {
    this.client = client;
    this.settings = config.channels().telegram();
  }

  @Override
  public String channel() {
    return TelegramMapper.CHANNEL;
  }

  @Override
  public boolean enabled() {
    return client.configured() && settings.secretToken().filter(s -> !s.isBlank()).isPresent();
  }

  @Override
  public Optional<Duration> window(String replyTo) {
    return Optional.empty();
  }

  @Override
  public void send(String replyTo, ChatReply reply, ChannelWords words, Instant lastHeard,
      Instant now) {
    long chatId;
    try {
      chatId = Long.parseLong(replyTo == null ? "" : replyTo);
    } catch (NumberFormatException e) {
      throw new SendRejectedException("malformed Telegram chat id");
    }
    TelegramMapper.toSendMessage(chatId, reply, words).ifPresent(client::send);
  }
}
