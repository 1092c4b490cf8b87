package org.helpline.staff.editor;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.helpline.staff.StaffRole;

/** Live content for editors: reload the content directory. */
@Path("/api/v1/staff/content")
@Tag(name = "staff")
@RolesAllowed(StaffRole.EDITOR)
public class ContentResource {

  private final ContentReloader reloader;

  public ContentResource(ContentReloader reloader) {
    this.reloader = reloader;
  }

  @POST
  @Path("/reload")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Re-read, check and retrain the content directory, and switch to it"
      + " only if it is valid")
  @APIResponse(responseCode = "200", description = "The new content runs: its version, size,"
      + " training time and the texts due for clinical review")
  @APIResponse(responseCode = "401", description = "Not signed in")
  @APIResponse(responseCode = "403", description = "Not an editor")
  @APIResponse(responseCode = "409", description = "The bot runs on packaged content"
      + " (helpline.content.dir is not set)")
  @APIResponse(responseCode = "422", description = "The content is invalid: every problem"
      + " with file and line in 'problems'; the running content is kept")
  public ReloadReport reload() {
    return reloader.reload();
  }
}
