package org.helpline.staff.editor;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.helpline.feedback.FeedbackService;
import org.helpline.feedback.FeedbackSummary;
import org.helpline.staff.StaffRole;

/** How people rated the answers, per intent, for editors. */
@Path("/api/v1/staff/feedback")
@Tag(name = "staff")
@RolesAllowed(StaffRole.EDITOR)
public class FeedbackSummaryResource {

  private final FeedbackService feedback;

  public FeedbackSummaryResource(FeedbackService feedback) {
    this.feedback = feedback;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Ratings of the bot's answers per intent, the most 'not helpful' first")
  @APIResponse(responseCode = "200", description = "Helpful and not-helpful counts per intent"
      + " with the latest (redacted) comments")
  @APIResponse(responseCode = "400", description = "days is not between 1 and 365")
  @APIResponse(responseCode = "401", description = "Not signed in")
  @APIResponse(responseCode = "403", description = "Not an editor")
  public FeedbackSummary summary(
      @Parameter(description = "How many days back to look (1 to 365)")
      @QueryParam("days") @DefaultValue("30") String days) {
    return feedback.summary(Duration.ofDays(UnrecognisedResource.days(days)));
  }
}
