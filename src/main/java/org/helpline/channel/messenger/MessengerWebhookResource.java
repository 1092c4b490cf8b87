package org.helpline.channel.messenger;

import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.helpline.channel.messenger.dto.MessengerEntry;
import org.helpline.channel.messenger.dto.MessengerEvent;
import org.helpline.channel.messenger.dto.MessengerSendRequest;
import org.helpline.channel.messenger.dto.MessengerWebhook;
import org.helpline.channel.messaging.MessagingInbound;
import org.helpline.channel.meta.MetaApp;
import org.helpline.channel.meta.MetaWebhookResource;
import org.helpline.config.HelplineConfig;

/**
 * The Messenger webhook: page events, answered through the Send API. Disabled (404) until the
 * app secret and page access token are set.
 */
@Path("/webhooks/messenger")
@Tag(name = "Webhooks")
@APIResponse(responseCode = "404", description = "Messenger is not configured")
public class MessengerWebhookResource extends MetaWebhookResource<MessengerWebhook> {

  @Inject
  MessengerClient client;

  @Inject
  HelplineConfig config;

  public MessengerWebhookResource() {
    super(MessengerWebhook.class);
  }

  @Override
  protected MetaApp app() {
    HelplineConfig.Messenger settings = config.channels().messenger();
    return new MetaApp(settings.appSecret(), settings.pageAccessToken(),
        settings.verifyToken());
  }

  @Override
  protected void take(MessengerWebhook hook) {
    for (MessengerEntry entry : nonNull(hook.entry())) {
      for (MessengerEvent event : nonNull(entry == null ? null : entry.messaging())) {
        if (event != null) {
          // Delivery and read receipts, echoes of our own messages: nothing to answer.
          String psid = MessengerMapper.senderId(event);
          MessagingInbound message = MessengerMapper.toMessage(event);
          takeTurn(message == null ? null : message.replyingTo(psid), reply -> {
            for (MessengerSendRequest request : MessengerMapper.toRequests(psid, reply.reply(),
                reply.helpline(), reply.words())) {
              client.send(request);
            }
          });
        }
      }
    }
  }
}
