package org.helpline.channel.messenger;

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
import org.helpline.channel.messenger.dto.MessengerEntry;
import org.helpline.channel.messenger.dto.MessengerEvent;
import org.helpline.channel.messenger.dto.MessengerSendRequest;
import org.helpline.channel.messenger.dto.MessengerWebhook;
import org.helpline.channel.meta.MetaDispatcher;
import org.helpline.channel.meta.MetaReplySender;
import org.helpline.channel.meta.MetaWebhooks;
import org.helpline.config.HelplineConfig;

/**
 * The Messenger webhook: the subscription handshake, and page events checked against
 * {@code X-Hub-Signature-256}, acknowledged at once and answered through the Send API off the
 * request thread. Disabled (404) until the app secret and page access token are set.
 */
@Path("/webhooks/messenger")
@Tag(name = "Webhooks")
public class MessengerWebhookResource {

  private final MetaDispatcher dispatcher;
  private final MessengerClient client;
  private final ObjectMapper json;
  private final HelplineConfig.Messenger settings;

  public MessengerWebhookResource(MetaDispatcher dispatcher, MessengerClient client,
      ObjectMapper json, HelplineConfig config) {
    this.dispatcher = dispatcher;
    this.client = client;
    this.json = json;
    this.settings = config.channels().messenger();
  }

  /** Meta's subscription handshake: echoes the challenge when the verify token matches. */
  @GET
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(summary = "Messenger webhook verification (hub.challenge)")
  @APIResponse(responseCode = "200", description = "hub.challenge, as text")
  @APIResponse(responseCode = "403", description = "Wrong hub.mode or hub.verify_token")
  @APIResponse(responseCode = "404", description = "Messenger is not configured")
  public String verify(@QueryParam("hub.mode") String mode,
      @QueryParam("hub.verify_token") String token,
      @QueryParam("hub.challenge") String challenge) {
    MetaWebhooks.enabledSecret(settings.appSecret(), settings.pageAccessToken());
    return MetaWebhooks.handshake(settings.verifyToken(), mode, token, challenge);
  }

  /** Takes a batch of page events; the answers go out through the Send API. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(summary = "Messenger webhook (signed with X-Hub-Signature-256)")
  @APIResponse(responseCode = "200", description = "Received; answers are sent separately")
  @APIResponse(responseCode = "401", description = "Missing X-Hub-Signature-256")
  @APIResponse(responseCode = "403", description = "Wrong X-Hub-Signature-256")
  @APIResponse(responseCode = "404", description = "Messenger is not configured")
  @APIResponse(responseCode = "503", description = "Still starting; Meta delivers again")
  public String receive(@HeaderParam(MetaWebhooks.SIGNATURE_HEADER) String signature,
      byte[] body) throws IOException {
    String secret = MetaWebhooks.enabledSecret(settings.appSecret(),
        settings.pageAccessToken());
    MetaWebhooks.verifySignature(secret, signature, body);
    // Refuse (503) rather than acknowledge what could not be answered: Meta delivers again.
    dispatcher.helpline();
    MessengerWebhook hook = json.readValue(body, MessengerWebhook.class);
    if (hook == null || hook.entry() == null) {
      return MetaWebhooks.RECEIVED;
    }
    for (MessengerEntry entry : hook.entry()) {
      List<MessengerEvent> events = entry == null || entry.messaging() == null ? List.of()
          : entry.messaging();
      for (MessengerEvent event : events) {
        if (event != null) {
          take(event);
        }
      }
    }
    return MetaWebhooks.RECEIVED;
  }

  private void take(MessengerEvent event) {
    String psid = MessengerMapper.senderId(event);
    MetaReplySender sender = reply -> {
      for (MessengerSendRequest request : MessengerMapper.toRequests(psid, reply.reply(),
          reply.helpline(), reply.words())) {
        client.send(request);
      }
    };
    MessagingInbound message = MessengerMapper.toMessage(event);
    if (message != null) {
      dispatcher.takeTurn(message, sender);
    }
    // Delivery and read receipts, echoes of our own messages: nothing to answer.
  }
}
