package org.helpline.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.helpline.handoff.HandoffConflictException;
import org.helpline.handoff.HandoffNotFoundException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Problem documents for the nurses' queue (kept next to {@link ExceptionMappers}). */
public class StaffExceptionMappers {

  @ServerExceptionMapper
  public Response handoffNotFound(HandoffNotFoundException e, UriInfo uri) {
    return ExceptionMappers.problem(404, "handoff-not-found", "Handoff not found",
        e.getMessage(), uri);
  }

  @ServerExceptionMapper
  public Response handoffConflict(HandoffConflictException e, UriInfo uri) {
    return ExceptionMappers.problem(409, "handoff-conflict", "Handoff not available",
        e.getMessage(), uri);
  }
}
