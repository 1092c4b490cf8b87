package org.helpline.channel.whatsapp;

import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.helpline.channel.messaging.MessagingInbound;
import org.helpline.channel.meta.MetaApp;
import org.helpline.channel.meta.MetaWebhookResource;
import org.helpline.channel.whatsapp.dto.WhatsAppChange;
import org.helpline.channel.whatsapp.dto.WhatsAppEntry;
import org.helpline.channel.whatsapp.dto.WhatsAppInboundMessage;
import org.helpline.channel.whatsapp.dto.WhatsAppSendMessage;
import org.helpline.channel.whatsapp.dto.WhatsAppValue;
import org.helpline.channel.whatsapp.dto.WhatsAppWebhook;
import org.helpline.config.HelplineConfig;
import org.jboss.logging.Logger;

/**
 * The WhatsApp Cloud API webhook: incoming messages and receipts, answered through the Graph
 * API. Disabled (404) until the app secret and access token are set.
 */
@Path("/webhooks/whatsapp")
@Tag(name = "Webhooks")
@APIResponse(responseCode = "404", description = "WhatsApp is not configured")
public class WhatsAppWebhookResource extends MetaWebhookResource<WhatsAppWebhook> {

  private static final Logger LOG = Logger.getLogger(WhatsAppWebhookResource.class);

  @Inject
  WhatsAppClient client;

  @Inject
  HelplineConfig config;

  public WhatsAppWebhookResource() {
    super(WhatsAppWebhook.class);
  }

  @Override
  protected MetaApp app() {
    HelplineConfig.Meta settings = config.channels().whatsapp();
    return new MetaApp(settings.appSecret(), settings.accessToken(), settings.verifyToken());
  }

  @Override
  protected void take(WhatsAppWebhook hook) {
    for (WhatsAppEntry entry : nonNull(hook.entry())) {
      for (WhatsAppChange change : nonNull(entry == null ? null : entry.changes())) {
        WhatsAppValue value = change == null ? null : change.value();
        // Delivery and read receipts (value.statuses) need no answer.
        if (value != null && "messages".equals(change.field())) {
          String from = value.metadata() == null ? null : value.metadata().phoneNumberId();
          nonNull(value.messages()).forEach(message -> take(from, message));
        }
      }
    }
  }

  private void take(String phoneNumberId, WhatsAppInboundMessage in) {
    if (in == null || in.from() == null || in.from().isBlank() || phoneNumberId == null) {
      LOG.debug("whatsapp message without sender or business number ignored");
      return;
    }
    MessagingInbound inbound = WhatsAppMapper.toMessage(in);
    takeTurn(inbound == null ? null
        : inbound.replyingTo(WhatsAppSender.address(phoneNumberId, in.from())), reply -> {
      for (WhatsAppSendMessage message : WhatsAppMapper.toMessages(in.from(), reply.reply(),
          reply.words())) {
        client.send(new WhatsAppOutgoing(phoneNumberId, message));
      }
    });
  }
}
