package org.helpline.staff.editor;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.helpline.staff.StaffRole;

/** How well the running model understands the held-out set, for editors. */
@Path("/api/v1/staff/evaluation")
@Tag(name = "staff")
@RolesAllowed(StaffRole.EDITOR)
public class EvaluationResource {

  /** How long a request waits for an evaluation that is running. */
  static final Duration WAIT = Duration.ofSeconds(30);

  private final HeldOutEvaluation evaluation;

  public EvaluationResource(HeldOutEvaluation evaluation) {
    this.evaluation = evaluation;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The latest held-out evaluation of the running model")
  @APIResponse(responseCode = "200", description = "Accuracy, answers right and wrong,"
      + " out-of-scope rejection, per-intent precision, recall and F1, and confused pairs"
      + " (fractions 0 to 1)")
  @APIResponse(responseCode = "401", description = "Not signed in")
  @APIResponse(responseCode = "403", description = "Not an editor")
  @APIResponse(responseCode = "404", description = "This build has no held-out set")
  @APIResponse(responseCode = "503", description = "The first evaluation is still running")
  public EvaluationReport evaluation() {
    return evaluation.latest(WAIT);
  }
}
