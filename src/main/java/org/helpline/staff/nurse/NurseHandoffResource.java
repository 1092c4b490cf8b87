package org.helpline.staff.nurse;

import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.helpline.api.LiveStreams;
import org.helpline.conversation.BotHolder;
import org.helpline.conversation.ChatMessage;
import org.helpline.conversation.ConversationService;
import org.helpline.conversation.InvalidMessageException;
import org.helpline.handoff.ChatEvent;
import org.helpline.handoff.HandoffNotFoundException;
import org.helpline.handoff.HandoffQueue;
import org.helpline.handoff.QueuedHandoff;
import org.helpline.staff.StaffRequest;
import org.helpline.staff.StaffRole;
import org.helpline.staff.nurse.dto.NurseChatMessage;
import org.helpline.staff.nurse.dto.NurseChatRequest;
import org.helpline.staff.nurse.dto.NurseCloseRequest;
import org.helpline.staff.nurse.dto.NurseHandoff;
import org.helpline.staff.nurse.dto.NurseTranscript;
import org.jboss.logging.Logger;

/** The nurses' queue of handed-off conversations: list, claim, close, read the transcript. */
@Path("/api/v1/staff/handoffs")
@RolesAllowed(StaffRole.NURSE)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "Not a nurse")
public class NurseHandoffResource {

  private static final Logger LOG = Logger.getLogger(NurseHandoffResource.class);
  private static final Set<String> STATUSES = Set.of(QueuedHandoff.OPEN, QueuedHandoff.CLAIMED,
      QueuedHandoff.CLOSED);
  private static final int MAX_OUTCOME = 500;
  private static final int MAX_MESSAGE = 1000;

  @Inject
  HandoffQueue queue;
  @Inject
  StaffRequest request;
  @Inject
  BotHolder bots;
  @Inject
  LiveStreams liveStreams;
  @Inject
  Clock clock;

  /** The queue, most urgent first, then longest waiting first. */
  @GET
  @Operation(summary = "The nurses' queue: emergencies first, then urgent, then routine;"
      + " oldest first within each")
  @APIResponse(responseCode = "200", description = "The handoffs with the statuses asked for")
  @APIResponse(responseCode = "400", description = "Unknown status (application/problem+json)")
  public List<NurseHandoff> list(@Parameter(description = "open, claimed or closed;"
      + " repeatable; open and claimed when absent") @QueryParam("status") List<String> status) {
    Set<String> wanted = new LinkedHashSet<>();
    if (status == null || status.isEmpty()) {
      wanted.add(QueuedHandoff.OPEN);
      wanted.add(QueuedHandoff.CLAIMED);
    } else {
      for (String s : status) {
        for (String part : s.split(",")) {
          String value = part.strip();
          if (!STATUSES.contains(value)) {
            throw new InvalidMessageException("status must be open, claimed or closed");
          }
          wanted.add(value);
        }
      }
    }
    Instant now = request.now();
    return queue.list(wanted).stream().map(h -> NurseMapper.toDto(h, now)).toList();
  }

  /** Takes a handoff: the signed-in nurse now has it. */
  @POST
  @Path("{id}/claim")
  @Operation(summary = "Claim a handoff for the signed-in nurse (claiming it again is fine)")
  @APIResponse(responseCode = "200", description = "The handoff, claimed")
  @APIResponse(responseCode = "404", description = "No such handoff (application/problem+json)")
  @APIResponse(responseCode = "409", description = "Another nurse has it, or it is closed"
      + " (application/problem+json)")
  public NurseHandoff claim(@PathParam("id") String id) {
    return changed(queue.claim(id, request.name(), request.now()), "claimed");
  }

  /** Closes a claimed handoff with what happened; the bot answers normally again. */
  @POST
  @Path("{id}/close")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Close a handoff you claimed, with an outcome (stored redacted)")
  @APIResponse(responseCode = "200", description = "The handoff, closed")
  @APIResponse(responseCode = "400", description = "Missing, blank or over-long outcome, or"
      + " malformed JSON (application/problem+json)")
  @APIResponse(responseCode = "404", description = "No such handoff (application/problem+json)")
  @APIResponse(responseCode = "409", description = "Not claimed, claimed by another nurse, or"
      + " already closed (application/problem+json)")
  public NurseHandoff close(@PathParam("id") String id, NurseCloseRequest body) {
    String sent = body == null ? null : body.outcome();
    String outcome = NurseInput.required(sent == null ? null : sent.strip(), "outcome",
        "say briefly what happened", MAX_OUTCOME);
    String redacted = bots.redactor().redact(outcome);
    if (redacted.length() > MAX_OUTCOME) {
      redacted = redacted.substring(0, MAX_OUTCOME);
    }
    return changed(queue.close(id, request.name(), request.isAdmin(), redacted, request.now()),
        "closed");
  }

  /**
   * Writes to the person in a live chat the signed-in nurse claimed (an admin may write in
   * any). Stored, redacted like the transcript, and audited before it is acknowledged.
   */
  @POST
  @Path("{id}/messages")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Send a message to the person in a live chat you claimed")
  @APIResponse(responseCode = "201", description = "Stored; the person's stream shows it")
  @APIResponse(responseCode = "400", description = "Missing, blank, over-long text or control"
      + " characters, or malformed JSON (application/problem+json)")
  @APIResponse(responseCode = "404", description = "No such handoff (application/problem+json)")
  @APIResponse(responseCode = "409", description = "Not claimed, not a chat, or finished"
      + " (application/problem+json)")
  public Response send(@PathParam("id") String id, NurseChatRequest body) {
    String sent = body == null || body.text() == null ? null : body.text().strip();
    String text = NurseInput.required(sent, "text", "write your message to the person",
        MAX_MESSAGE);
    if (ConversationService.hasControlCharacters(text)) {
      throw new InvalidMessageException("text must not contain control characters");
    }
    // The person reads what the nurse wrote, as written: a number or date a nurse gives
    // (a local service's line, an appointment) must reach them. The transcript redacts it.
    ChatEvent event = queue.sendMessage(id, request.name(), request.isAdmin(), text,
        request.now());
    LOG.infof("handoff %s chat message %d sent", id, event.id());
    return Response.status(Response.Status.CREATED).entity(new NurseChatMessage(event.id(),
        ChatEvent.NURSE, text, event.at().toString())).build();
  }

  /** Hands the person back to the bot: the chat ends and the bot answers them again. */
  @POST
  @Path("{id}/return")
  @Operation(summary = "Hand the person back to the bot (closes the handoff)")
  @APIResponse(responseCode = "200", description = "The handoff, closed; the person's chat"
      + " says they are back with the bot")
  @APIResponse(responseCode = "404", description = "No such handoff (application/problem+json)")
  @APIResponse(responseCode = "409", description = "Not claimed, or already closed"
      + " (application/problem+json)")
  public NurseHandoff giveBack(@PathParam("id") String id) {
    return changed(queue.giveBack(id, request.name(), request.isAdmin(), request.now()),
        "handed back to the bot");
  }

  /**
   * The conversation's live chat as it happens, safety alerts included; a nurse may watch
   * before claiming. Opening it is audited.
   */
  @GET
  @Path("{id}/events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(summary = "A handoff's live chat as server-sent events (message, status, alert)")
  @APIResponse(responseCode = "200", description = "Every event after Last-Event-ID, then"
      + " each new one")
  @APIResponse(responseCode = "404", description = "No such handoff (application/problem+json)")
  public Multi<OutboundSseEvent> chatEvents(@PathParam("id") String id,
      @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
    long after = LiveStreams.lastEventId(lastEventId);
    QueuedHandoff h = queue.find(id).orElseThrow(() -> new HandoffNotFoundException(
        "there is no handoff with this id"));
    request.audit("watch_chat", h.conversationId(), "handoff " + h.id());
    return liveStreams.staff(sse, h.conversationId(), after,
        ChatMessage.WEB.equals(h.channel()));
  }

  /** The queue as it changes: every open and claimed entry, then each change. */
  @GET
  @Path("events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(summary = "The nurses' queue as server-sent events (one handoff event per"
      + " entry that changes)")
  @APIResponse(responseCode = "200", description = "handoff events")
  public Multi<OutboundSseEvent> queueEvents(@Context Sse sse) {
    return liveStreams.queue(sse, h -> NurseMapper.toDto(h, clock.instant()));
  }

  /** The redacted transcript; every read is written to the staff audit log. */
  @GET
  @Path("{id}/transcript")
  @Operation(summary = "The redacted transcript of a handed-off conversation (audited)")
  @APIResponse(responseCode = "200", description = "The turns, oldest first")
  @APIResponse(responseCode = "404", description = "No such handoff (application/problem+json)")
  public NurseTranscript transcript(@PathParam("id") String id) {
    NurseTranscript t = NurseMapper.toDto(
        queue.readTranscript(id, request.name(), request.now()), bots.redactor()::redact);
    LOG.infof("handoff %s transcript read (%d turns)", t.handoffId(), t.turns().size());
    return t;
  }

  /** Logs what a nurse did to a handoff and answers with it as it is now. */
  private NurseHandoff changed(QueuedHandoff h, String what) {
    LOG.infof("handoff %s %s", h.id(), what);
    return NurseMapper.toDto(h, request.now());
  }
}
