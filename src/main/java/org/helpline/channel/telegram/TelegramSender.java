package org.helpline.channel.telegram;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.helpline.channel.messaging.AppSender;
import org.helpline.channel.messaging.PlainTextRenderer;
import org.helpline.channel.messaging.SendRejectedException;
import org.helpline.channel.telegram.dto.TelegramSendMessage;
import org.helpline.config.HelplineConfig;

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
  public void send(String replyTo, String text, Instant lastHeard, Instant now) {
    long chatId;
    try {
      chatId = Long.parseLong(replyTo == null ? "" : replyTo);
    } catch (NumberFormatException e) {
      throw new SendRejectedException("malformed Telegram chat id");
    }
    for (String part : PlainTextRenderer.split(text, TelegramMapper.MAX_TEXT_LENGTH)) {
      client.send(new TelegramSendMessage(chatId, part, null));
    }
  }
}
