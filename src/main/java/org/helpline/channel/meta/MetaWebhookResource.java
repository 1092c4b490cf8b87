package org.helpline.channel.meta;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.helpline.channel.messaging.MessagingInbound;

/**
 * What Meta's webhooks (WhatsApp, Messenger) share: the subscription handshake, and a body
 * checked against {@code X-Hub-Signature-256}, acknowledged at once and answered off the
 * request thread. A platform is disabled (404) until its app secret and send token are set;
 * each subclass only says where its settings are and how its payload {@code W} reads, and
 * documents that 404 on its class (OpenAPI takes class-level responses from the resource class
 * only, not from this one).
 *
 * @param <W> the platform's webhook payload
 */
public abstract class MetaWebhookResource<W> {

  @Inject
  MetaDispatcher dispatcher;

  @Inject
  ObjectMapper json;

  private final Class<W> payload;

  protected MetaWebhookResource(Class<W> payload) {
    this.payload = payload;
  }

  /** The platform's settings. */
  protected abstract MetaApp app();

  /** Takes the turns a verified, parsed payload holds, through {@link #takeTurn}. */
  protected abstract void take(W hook);

  /** Meta's subscription handshake: echoes the challenge when the verify token matches. */
  @GET
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(summary = "Meta webhook verification (hub.challenge)")
  @APIResponse(responseCode = "200", description = "hub.challenge, as text")
  @APIResponse(responseCode = "403", description = "Wrong hub.mode or hub.verify_token")
  public String verify(@QueryParam("hub.mode") String mode,
      @QueryParam("hub.verify_token") String token,
      @QueryParam("hub.challenge") String challenge) {
    MetaApp app = app();
    MetaWebhooks.enabledSecret(app.appSecret(), app.sendToken());
    return MetaWebhooks.handshake(app.verifyToken(), mode, token, challenge);
  }

  /** Takes a batch of events; the answers go out through the Graph API. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(summary = "Meta webhook (signed with X-Hub-Signature-256)")
  @APIResponse(responseCode = "200", description = "Received; answers are sent separately")
  @APIResponse(responseCode = "401", description = "Missing X-Hub-Signature-256")
  @APIResponse(responseCode = "403", description = "Wrong X-Hub-Signature-256")
  @APIResponse(responseCode = "503", description = "Still starting; Meta delivers again")
  public String receive(@HeaderParam(MetaWebhooks.SIGNATURE_HEADER) String signature,
      byte[] body) throws IOException {
    MetaApp app = app();
    String secret = MetaWebhooks.enabledSecret(app.appSecret(), app.sendToken());
    MetaWebhooks.verifySignature(secret, signature, body);
    // Refuse (503) rather than acknowledge what could not be answered: Meta delivers again.
    dispatcher.helpline();
    W hook = json.readValue(body, payload);
    if (hook != null) {
      take(hook);
    }
    return MetaWebhooks.RECEIVED;
  }

  /** Queues the turn of a message (if it is one), answered through {@code sender}. */
  protected final void takeTurn(MessagingInbound message, MetaReplySender sender) {
    if (message != null) {
      dispatcher.takeTurn(message, sender);
    }
  }

  /** A list Meta may leave out, as an empty one. */
  protected static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
