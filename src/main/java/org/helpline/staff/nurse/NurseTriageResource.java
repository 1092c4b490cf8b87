package org.helpline.staff.nurse;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.helpline.config.HelplineConfig;
import org.helpline.conversation.BotHolder;
import org.helpline.conversation.ClassifierUnavailableException;
import org.helpline.conversation.HelplineBot;
import org.helpline.staff.StaffRequest;
import org.helpline.staff.StaffRole;
import org.helpline.staff.nurse.dto.NurseTriageRequest;
import org.helpline.staff.nurse.dto.NurseTriageResponse;

/**
 * The triage assistant for nurses on a call: what the caller says in, urgency, safety verdict,
 * likely topics, fitting content and next steps out. Stateless; the text is never stored or
 * logged, and each call leaves one audit row.
 */
@Path("/api/v1/staff/triage")
@RolesAllowed(StaffRole.NURSE)
@APIResponse(responseCode = "403", description = "Not a nurse")
public class NurseTriageResource {

  @Inject
  BotHolder bots;
  @Inject
  StaffRequest request;
  @Inject
  HelplineConfig config;

  /** Assesses what a caller says. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Triage what a caller says: urgency, safety, likely topics, curated"
      + " content and next steps")
  @APIResponse(responseCode = "200", description = "The assessment")
  @APIResponse(responseCode = "400", description = "Blank or over-long text, or malformed JSON"
      + " (application/problem+json)")
  @APIResponse(responseCode = "503", description = "Still starting (application/problem+json)")
  public NurseTriageResponse triage(NurseTriageRequest body) {
    String text = NurseInput.required(body == null ? null : body.text(), "text",
        "type what the caller says", config.chat().maxTextLength());
    HelplineBot bot = bots.current().orElseThrow(() -> new ClassifierUnavailableException(
        "the bot is still starting: content is loading and the model training"));
    TriageAssessment assessment = TriageAssistant.assess(bot, text);
    request.audit("triage", null, "urgency " + assessment.urgency().id());
    return NurseMapper.toDto(assessment);
  }
}
