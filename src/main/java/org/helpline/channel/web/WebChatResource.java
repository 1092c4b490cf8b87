package org.helpline.channel.web;

import io.smallrye.mutiny.Multi;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.helpline.api.LiveStreams;
import org.helpline.channel.web.dto.WebChatContact;
import org.helpline.channel.web.dto.WebChatRequest;
import org.helpline.channel.web.dto.WebChatResponse;
import org.helpline.conversation.ConversationService;
import org.helpline.conversation.HelplineContact;
import org.helpline.conversation.InvalidMessageException;
import org.helpline.conversation.Notices;

/**
 * The public web chat endpoints: a turn (chat contract v1), and the helpline's numbers for
 * the widget, so no page or script writes them itself.
 */
@Path("/api/v1/chat")
@Tag(name = "Chat")
public class WebChatResource {

  @Inject
  ConversationService conversations;

  @Inject
  Notices notices;

  @Inject
  LiveStreams liveStreams;

  /** Takes one turn of a conversation. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Send a message to the helpline bot and get its reply")
  @APIResponse(responseCode = "200", description = "The bot's reply")
  @APIResponse(responseCode = "400", description = "Malformed JSON, empty or over-long text, "
      + "control characters or an unknown payload (application/problem+json)")
  @APIResponse(responseCode = "413", description = "Body too large (application/problem+json)")
  @APIResponse(responseCode = "415", description = "Not JSON (application/problem+json)")
  @APIResponse(responseCode = "429", description = "Too many messages from this conversation"
      + " or address; see Retry-After. Emergencies are always answered (application/problem+json)")
  @APIResponse(responseCode = "503", description = "Still starting (application/problem+json)")
  public WebChatResponse chat(WebChatRequest request, @Context HttpServerRequest http) {
    if (request == null) {
      throw new InvalidMessageException("the request body must be a JSON object with 'text'");
    }
    // Behind a proxy, quarkus.http.proxy.proxy-address-forwarding makes this the client's.
    String address = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
    return WebChatMapper.toResponse(
        conversations.handle(WebChatMapper.toMessage(request), address));
  }

  /**
   * The live chat with a nurse as it happens: every event after {@code Last-Event-ID} (all of
   * them on a first connection), then each new one, and the person's place in the queue while
   * they wait.
   */
  @GET
  @Path("{conversationId}/events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(summary = "The person's live chat with a nurse, as server-sent events")
  @APIResponse(responseCode = "200", description = "message and status events; a reconnect"
      + " with Last-Event-ID gets every later event once, in order")
  @APIResponse(responseCode = "400", description = "Malformed conversation id or"
      + " Last-Event-ID (application/problem+json)")
  @APIResponse(responseCode = "404", description = "No such conversation"
      + " (application/problem+json)")
  public Multi<OutboundSseEvent> events(@PathParam("conversationId") String conversationId,
      @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
    String id = LiveStreams.conversationId(conversationId);
    return liveStreams.person(sse, id, LiveStreams.lastEventId(lastEventId));
  }

  /** The numbers from the running content, or the configured helpline number while starting. */
  @GET
  @Path("contact")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The nurse helpline number and the other numbers the chat shows")
  @APIResponse(responseCode = "200", description = "The numbers (while the bot is starting,"
      + " only the helpline number)")
  public WebChatContact contact() {
    HelplineContact c = notices.contact();
    return new WebChatContact(c.phone(), c.phoneUri(), c.emergency(), c.otherNumbers(),
        c.hours());
  }
}
