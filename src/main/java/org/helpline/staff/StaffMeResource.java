package org.helpline.staff;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Who is signed in: the staff console shows the tabs that fit the roles. */
@Path("/api/v1/staff/me")
@RolesAllowed({StaffRole.NURSE, StaffRole.EDITOR, StaffRole.CLINICIAN, StaffRole.ADMIN})
public class StaffMeResource {

  @Inject
  StaffRequest request;

  /** The signed-in account. */
  public record Me(String name, List<String> roles) {
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The signed-in staff account and its roles")
  public Me me() {
    return new Me(request.name(), request.roles());
  }
}
