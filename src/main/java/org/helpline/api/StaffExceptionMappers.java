package org.helpline.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.helpline.conversation.StorageUnavailableException;
import org.helpline.handoff.HandoffConflictException;
import org.helpline.handoff.HandoffNotFoundException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Problem documents for the staff tools (kept next to {@link ExceptionMappers}). */
public class StaffExceptionMappers {

  private static final Logger LOG = Logger.getLogger(StaffExceptionMappers.class);

  /**
   * The database could not be used. The chat never gets here (it answers without context);
   * staff endpoints do, and should say "try again" rather than "something broke".
   */
  @ServerExceptionMapper
  public Response storageUnavailable(StorageUnavailableException e, UriInfo uri) {
    LOG.warnf("storage unavailable on %s: %s", uri == null ? "-" : uri.getPath(),
        e.getMessage());
    return Response.fromResponse(ExceptionMappers.problem(503, "storage-unavailable",
        "Storage unavailable", "The database cannot be reached just now. Please try again in"
        + " a moment.", uri)).header("Retry-After", "5").build();
  }

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
