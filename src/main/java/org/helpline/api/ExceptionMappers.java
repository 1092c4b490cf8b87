package org.helpline.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.helpline.HelplineException;
import org.helpline.content.ContentException;
import org.helpline.content.ContentWorkflowException;
import org.helpline.content.OwnDraftException;
import org.helpline.content.UnknownContentException;
import org.helpline.conversation.ClassifierUnavailableException;
import org.helpline.conversation.InvalidMessageException;
import org.helpline.conversation.Notices;
import org.helpline.conversation.RateLimitedException;
import org.helpline.conversation.StorageUnavailableException;
import org.helpline.feedback.AlreadyRatedException;
import org.helpline.feedback.UnknownTurnException;
import org.helpline.handoff.HandoffConflictException;
import org.helpline.handoff.HandoffNotFoundException;
import org.helpline.handoff.NotYourHandoffException;
import org.helpline.handoff.UnknownConversationException;
import org.helpline.staff.editor.EvaluationPendingException;
import org.helpline.staff.editor.NoDevelopmentSetException;
import org.helpline.staff.editor.PackagedContentException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The only place exceptions become HTTP responses: always a problem document, never a stack
 * trace, and never the person's words in the logs.
 */
public class ExceptionMappers {

  private static final Logger LOG = Logger.getLogger(ExceptionMappers.class);

  /**
   * The problem each domain exception becomes when its message is the whole story: status,
   * type and title. Exceptions that add a header or more (starting, rate limits, content,
   * storage) have their own mapper below.
   */
  private static final Map<Class<? extends HelplineException>, Kind> KINDS = Map.ofEntries(
      Map.entry(InvalidMessageException.class, new Kind(400, "invalid-message",
          "Invalid message")),
      Map.entry(UnknownTurnException.class, new Kind(404, "unknown-turn", "Not found")),
      Map.entry(AlreadyRatedException.class, new Kind(409, "already-rated", "Already rated")),
      Map.entry(PackagedContentException.class, new Kind(409, "packaged-content",
          "Packaged content")),
      Map.entry(NoDevelopmentSetException.class, new Kind(404, "no-development-set",
          "No development set")),
      Map.entry(HandoffNotFoundException.class, new Kind(404, "handoff-not-found",
          "Handoff not found")),
      Map.entry(HandoffConflictException.class, new Kind(409, "handoff-conflict",
          "Handoff not available")),
      Map.entry(NotYourHandoffException.class, new Kind(403, "not-your-handoff",
          "Another nurse has this conversation")),
      Map.entry(UnknownConversationException.class, new Kind(404, "unknown-conversation",
          "Conversation not found")),
      Map.entry(UnknownContentException.class, new Kind(404, "unknown-content",
          "Not found")),
      Map.entry(ContentWorkflowException.class, new Kind(409, "content-workflow",
          "Not possible now")),
      Map.entry(OwnDraftException.class, new Kind(403, "own-draft",
          "A second person must sign this off")));

  /** A problem's status, type (after {@code urn:helpline:problem:}) and title. */
  private record Kind(int status, String type, String title) {
  }

  private final Notices notices;

  public ExceptionMappers(Notices notices) {
    this.notices = notices;
  }

  /** Every domain exception without a mapper of its own (see {@link #KINDS}). */
  @ServerExceptionMapper
  public Response domain(HelplineException e, UriInfo uri) {
    for (Class<?> type = e.getClass(); type != null; type = type.getSuperclass()) {
      Kind kind = KINDS.get(type);
      if (kind != null) {
        return problem(kind.status(), kind.type(), kind.title(), e.getMessage(), uri);
      }
    }
    return unexpected(e, uri);
  }

  /**
   * Signed in, but the account's roles do not allow this (a nurse asking for the content
   * drafts, an editor approving): a problem document like every other refusal.
   */
  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    return problem(403, "forbidden", "Not allowed", "your account's roles do not allow this;"
        + " ask an admin if you need them", uri);
  }

  @ServerExceptionMapper
  public Response unavailable(ClassifierUnavailableException e, UriInfo uri) {
    return retryIn5(problem(503, "starting", "Not ready yet", e.getMessage() + ". "
        + notices.callNow(), uri));
  }

  @ServerExceptionMapper
  public Response rateLimited(RateLimitedException e, UriInfo uri) {
    LOG.infof("rate limited on %s", uri == null ? "-" : uri.getPath());
    return Response.fromResponse(problem(429, "rate-limited", "Too many messages",
        e.getMessage() + ". " + notices.callNow(), uri))
        .header("Retry-After", Long.toString(e.retryAfterSeconds())).build();
  }

  @ServerExceptionMapper
  public Response invalidContent(ContentException e, UriInfo uri) {
    return Response.status(422).type(Problem.MEDIA_TYPE)
        .entity(new ContentProblemDocument("urn:helpline:problem:invalid-content",
            "Invalid content", 422, "the content has " + e.problems().size() + " problem"
            + (e.problems().size() == 1 ? "" : "s") + " and was not loaded; the bot keeps"
            + " running the content it had. Fix each problem listed (file and line) and"
            + " reload again.", uri == null ? null : uri.getPath(), e.problems()))
        .build();
  }

  @ServerExceptionMapper
  public Response evaluationPending(EvaluationPendingException e, UriInfo uri) {
    return retryIn5(problem(503, "evaluation-pending", "Evaluation running", e.getMessage(),
        uri));
  }

  /**
   * The database could not be used. The chat never gets here (it answers without context);
   * staff endpoints do, and should say "try again" rather than "something broke".
   */
  @ServerExceptionMapper
  public Response storageUnavailable(StorageUnavailableException e, UriInfo uri) {
    LOG.warnf("storage unavailable on %s: %s", uri == null ? "-" : uri.getPath(),
        e.getMessage());
    return retryIn5(problem(503, "storage-unavailable", "Storage unavailable",
        "The database cannot be reached just now. Please try again in a moment.", uri));
  }

  @ServerExceptionMapper
  public Response malformedJson(JsonProcessingException e, UriInfo uri) {
    String detail;
    if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
      String field = e instanceof MismatchedInputException m && !m.getPath().isEmpty()
          ? m.getPath().get(m.getPath().size() - 1).getFieldName() : null;
      Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
      detail = field == null ? "the body does not match the expected JSON object"
          : "field '" + field + "' has the wrong type; it must be " + expected(target);
    } else {
      String reason = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
      detail = "the body is not valid JSON"
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + ")")
          + (reason.isEmpty() ? "" : ": " + (reason.length() > 120 ? reason.substring(0, 120)
          + "…" : reason));
    }
    return problem(400, "malformed-json", "Malformed JSON", detail, uri);
  }

  /** What a JSON field of this Java type must hold, in words. */
  private static String expected(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    return "a string";
  }

  @ServerExceptionMapper
  public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
    return malformedJson(e, uri);
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e, UriInfo uri) {
    int status = e.getResponse().getStatus();
    if (e.getCause() instanceof JsonProcessingException json) {
      return malformedJson(json, uri);
    }
    Response.StatusType type = Response.Status.fromStatusCode(status);
    String title = type == null ? "HTTP " + status : type.getReasonPhrase();
    String detail = switch (status) {
      case 404 -> "there is nothing at this address";
      case 405 -> "this address does not accept that method";
      case 406 -> "this endpoint answers with application/json only";
      case 415 -> "this endpoint does not accept that content type (the chat API takes"
          + " application/json)";
      default -> e.getMessage();
    };
    Response response = problem(status, title.toLowerCase().replace(' ', '-'), title, detail,
        uri);
    String allow = e.getResponse().getHeaderString("Allow");
    return allow == null ? response
        : Response.fromResponse(response).header("Allow", allow).build();
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e, UriInfo uri) {
    // The exception's class and stack go to the log (they hold no message text); the caller
    // gets a plain problem and the helpline number.
    LOG.errorf(e, "unexpected error on %s", uri.getPath());
    return problem(500, "internal-error", "Something went wrong", notices.internalError(),
        uri);
  }

  private static Response retryIn5(Response problem) {
    return Response.fromResponse(problem).header("Retry-After", "5").build();
  }

  static Response problem(int status, String type, String title, String detail, UriInfo uri) {
    return Response.status(status).type(Problem.MEDIA_TYPE)
        .entity(new Problem("urn:helpline:problem:" + type, title, status, detail,
            uri == null ? null : uri.getPath()))
        .build();
  }
}
