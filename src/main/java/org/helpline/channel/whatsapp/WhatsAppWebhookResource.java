package org.helpline.channel.whatsapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.helpline.channel.messaging.MessagingInbound;
import org.helpline.channel.meta.MetaDispatcher;
import org.helpline.channel.meta.MetaReplySender;
import org.helpline.channel.meta.MetaWebhooks;
import org.helpline.channel.whatsapp.dto.WhatsAppChange;
import org.helpline.channel.whatsapp.dto.WhatsAppEntry;
import org.helpline.channel.whatsapp.dto.WhatsAppInboundMessage;
import org.helpline.channel.whatsapp.dto.WhatsAppSendMessage;
import org.helpline.channel.whatsapp.dto.WhatsAppValue;
import org.helpline.channel.whatsapp.dto.WhatsAppWebhook;
import org.helpline.config.HelplineConfig;
import org.jboss.logging.Logger;

/**
 * The WhatsApp Cloud API webhook: the subscription handshake, and incoming messages checked
 * against {@code X-Hub-Signature-256}, acknowledged at once and answered through the Graph
 * API off the request thread. Disabled (404) until the app secret and access token are set.
 */
@Path("/webhooks/whatsapp")
@Tag(name = "Webhooks")
public class WhatsAppWebhookResource {

  private static final Logger LOG = Logger.getLogger(WhatsAppWebhookResource.class);

  private final MetaDispatcher dispatcher;
  private final WhatsAppClient client;
  private final ObjectMapper json;
  private final HelplineConfig.Meta settings;

  public WhatsAppWebhookResource(MetaDispatcher dispatcher, WhatsAppClient client,
      ObjectMapper json, HelplineConfig config) {
    this.dispatcher = dispatcher;
    this.client = client;
    this.json = json;
    this.settings = config.channels().whatsapp();
  }

  /** Meta's subscription handshake: echoes the challenge when the verify token matches. */
  @GET
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(summary = "WhatsApp webhook verification (hub.challenge)")
  @APIResponse(responseCode = "200", description = "hub.challenge, as text")
  @APIResponse(responseCode = "403", description = "Wrong hub.mode or hub.verify_token")
  @APIResponse(responseCode = "404", description = "WhatsApp is not configured")
  public String verify(@QueryParam("hub.mode") String mode,
      @QueryParam("hub.verify_token") String token,
      @QueryParam("hub.challenge") String challenge) {
    MetaWebhooks.enabledSecret(settings.appSecret(), settings.accessToken());
    return MetaWebhooks.handshake(settings.verifyToken(), mode, token, challenge);
  }

  /** Takes a batch of messages and receipts; the answers go out through the Graph API. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(summary = "WhatsApp webhook (signed with X-Hub-Signature-256)")
  @APIResponse(responseCode = "200", description = "Received; answers are sent separately")
  @APIResponse(responseCode = "401", description = "Missing X-Hub-Signature-256")
  @APIResponse(responseCode = "403", description = "Wrong X-Hub-Signature-256")
  @APIResponse(responseCode = "404", description = "WhatsApp is not configured")
  @APIResponse(responseCode = "503", description = "Still starting; Meta delivers again")
  public String receive(@HeaderParam(MetaWebhooks.SIGNATURE_HEADER) String signature,
      byte[] body) throws IOException {
    String secret = MetaWebhooks.enabledSecret(settings.appSecret(), settings.accessToken());
    MetaWebhooks.verifySignature(secret, signature, body);
    // Refuse (503) rather than acknowledge what could not be answered: Meta delivers again.
    dispatcher.helpline();
    WhatsAppWebhook hook = json.readValue(body, WhatsAppWebhook.class);
    if (hook == null || hook.entry() == null) {
      return MetaWebhooks.RECEIVED;
    }
    for (WhatsAppEntry entry : hook.entry()) {
      for (WhatsAppChange change : nonNull(entry == null ? null : entry.changes())) {
        WhatsAppValue value = change == null ? null : change.value();
        // Delivery and read receipts (value.statuses) need no answer.
        if (value != null && "messages".equals(change.field())) {
          String from = value.metadata() == null ? null : value.metadata().phoneNumberId();
          nonNull(value.messages()).forEach(message -> take(from, message));
        }
      }
    }
    return MetaWebhooks.RECEIVED;
  }

  private void take(String phoneNumberId, WhatsAppInboundMessage in) {
    if (in == null || in.from() == null || in.from().isBlank() || phoneNumberId == null) {
      LOG.debug("whatsapp message without sender or business number ignored");
      return;
    }
    MetaReplySender sender = reply -> {
      for (WhatsAppSendMessage message : WhatsAppMapper.toMessages(in.from(), reply.reply(),
          reply.words())) {
        client.send(phoneNumberId, message);
      }
    };
    MessagingInbound message = WhatsAppMapper.toMessage(in);
    if (message != null) {
      dispatcher.takeTurn(message, sender);
    }
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
