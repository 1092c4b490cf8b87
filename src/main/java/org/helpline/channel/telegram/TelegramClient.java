package org.helpline.channel.telegram;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.helpline.channel.messaging.PlatformClient;
import org.helpline.channel.telegram.dto.TelegramSendMessage;
import org.helpline.config.HelplineConfig;

/** Sends Telegram messages as the bot, resiliently (see {@link PlatformClient}). */
@Singleton
public class TelegramClient extends PlatformClient<TelegramSendMessage> {

  @Inject
  TelegramClient(@RestClient TelegramRestClient api, HelplineConfig config) {
    super("Telegram Bot API", config.channels().telegram().botToken(), "no Telegram bot token",
        api::send);
  }
}
