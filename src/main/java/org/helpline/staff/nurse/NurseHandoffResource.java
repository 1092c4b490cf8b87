package org.helpline.staff.nurse;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.helpline.conversation.InvalidMessageException;
import org.helpline.conversation.BotHolder;
import org.helpline.handoff.HandoffQueue;
import org.helpline.handoff.QueuedHandoff;
import org.helpline.staff.StaffRequest;
import org.helpline.staff.StaffRole;
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

  @Inject
  HandoffQueue queue;
  @Inject
  StaffRequest request;
  @Inject
  BotHolder bots;

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

  /** The redacted transcript; every read is written to the staff audit log. */
  @GET
  @Path("{id}/transcript")
  @Operation(summary = "The redacted transcript of a handed-off conversation (audited)")
  @APIResponse(responseCode = "200", description = "The turns, oldest first")
  @APIResponse(responseCode = "404", description = "No such handoff (application/problem+json)")
  public NurseTranscript transcript(@PathParam("id") String id) {
    NurseTranscript t = NurseMapper.toDto(
        queue.readTranscript(id, request.name(), request.now()));
    LOG.infof("handoff %s transcript read (%d turns)", t.handoffId(), t.turns().size());
    return t;
  }

  /** Logs what a nurse did to a handoff and answers with it as it is now. */
  private NurseHandoff changed(QueuedHandoff h, String what) {
    LOG.infof("handoff %s %s", h.id(), what);
    return NurseMapper.toDto(h, request.now());
  }
}
