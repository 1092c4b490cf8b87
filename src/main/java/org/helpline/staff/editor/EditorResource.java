package org.helpline.staff.editor;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.helpline.conversation.BotHolder;
import org.helpline.feedback.FeedbackService;
import org.helpline.feedback.FeedbackSummary;
import org.helpline.insights.InsightsStore;
import org.helpline.insights.MisunderstoodTurn;
import org.helpline.insights.UnrecognisedGrouper;
import org.helpline.insights.UnrecognisedReport;
import org.helpline.nlu.TextNormaliser;
import org.helpline.staff.StaffRequest;
import org.helpline.staff.StaffRole;

/**
 * The editors' endpoints: unrecognised questions, ratings and the development evaluation
 * (content: staff/content). Editors (and admins) only; every answer is JSON.
 */
@Path("/api/v1/staff")
@RolesAllowed(StaffRole.EDITOR)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "Not an editor")
public class EditorResource {

  /** Most turns read for one unrecognised report; the newest are kept. */
  static final int MAX_TURNS = 5000;
  /** How long a request waits for an evaluation that is running. */
  static final Duration WAIT = Duration.ofSeconds(30);

  @Inject
  StaffRequest request;
  @Inject
  InsightsStore store;
  @Inject
  BotHolder bots;
  @Inject
  FeedbackService feedback;
  @Inject
  DevelopmentEvaluation evaluation;

  @GET
  @Path("/unrecognised")
  @Operation(summary = "Questions the bot did not recognise (fallback and clarify turns),"
      + " grouped by similarity, biggest group first")
  @APIResponse(responseCode = "200", description = "The groups, with counts, a few example"
      + " texts (redacted), the intents they came closest to and when each was last seen")
  @APIResponse(responseCode = "400", description = "days is not between 1 and 365")
  public UnrecognisedReport unrecognised(@BeanParam ReportDays days) {
    Instant since = request.now().minus(days.period());
    List<MisunderstoodTurn> turns = store.misunderstoodSince(since, MAX_TURNS);
    TextNormaliser normaliser = bots.current()
        .map(b -> new TextNormaliser(b.content().spelling())).orElseGet(TextNormaliser::plain);
    return new UnrecognisedReport(since, turns.size(),
        new UnrecognisedGrouper(normaliser).group(turns));
  }

  @GET
  @Path("/feedback")
  @Operation(summary = "Ratings of the bot's answers per intent, the most 'not helpful' first")
  @APIResponse(responseCode = "200", description = "Helpful and not-helpful counts per intent"
      + " with the latest (redacted) comments")
  @APIResponse(responseCode = "400", description = "days is not between 1 and 365")
  public FeedbackSummary feedback(@BeanParam ReportDays days) {
    return feedback.summary(days.period());
  }

  @GET
  @Path("/evaluation")
  @Operation(summary = "The latest evaluation of the running model on the development set"
      + " (used to choose content and settings, so its figures are optimistic)")
  @APIResponse(responseCode = "200", description = "Accuracy, answers right and wrong,"
      + " out-of-scope rejection, per-intent precision, recall and F1, and confused pairs"
      + " (fractions 0 to 1)")
  @APIResponse(responseCode = "404", description = "This build has no development set")
  @APIResponse(responseCode = "503", description = "The first evaluation is still running")
  public EvaluationReport evaluation() {
    return evaluation.latest(WAIT);
  }
}
