package org.helpline.staff.editor;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.helpline.conversation.BotHolder;
import org.helpline.insights.InsightsStore;
import org.helpline.insights.MisunderstoodTurn;
import org.helpline.insights.UnrecognisedGrouper;
import org.helpline.insights.UnrecognisedReport;
import org.helpline.nlu.TextNormaliser;
import org.helpline.staff.StaffRole;

/** What people asked that the bot did not recognise, grouped, for editors. */
@Path("/api/v1/staff/unrecognised")
@Tag(name = "staff")
@RolesAllowed(StaffRole.EDITOR)
public class UnrecognisedResource {

  /** Most turns read for one report; the newest are kept. */
  static final int MAX_TURNS = 5000;
  /** Longest period a report may cover (transcripts are not kept longer anyway). */
  static final int MAX_DAYS = 365;

  private final InsightsStore store;
  private final BotHolder bots;
  private final Clock clock;

  public UnrecognisedResource(InsightsStore store, BotHolder bots, Clock clock) {
    this.store = store;
    this.bots = bots;
    this.clock = clock;
  }

  /** The number of days a report covers, from the query; 400 when it is not 1..365. */
  static int days(String value) {
    try {
      int days = Integer.parseInt(value.strip());
      if (days >= 1 && days <= MAX_DAYS) {
        return days;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadRequestException("days must be a whole number from 1 to " + MAX_DAYS);
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Questions the bot did not recognise (fallback and clarify turns),"
      + " grouped by similarity, biggest group first")
  @APIResponse(responseCode = "200", description = "The groups, with counts, a few example"
      + " texts (redacted), the intents they came closest to and when each was last seen")
  @APIResponse(responseCode = "400", description = "days is not between 1 and 365")
  @APIResponse(responseCode = "401", description = "Not signed in")
  @APIResponse(responseCode = "403", description = "Not an editor")
  public UnrecognisedReport unrecognised(
      @Parameter(description = "How many days back to look (1 to 365)")
      @QueryParam("days") @DefaultValue("30") String days) {
    Instant since = clock.instant().minus(Duration.ofDays(days(days)));
    List<MisunderstoodTurn> turns = store.misunderstoodSince(since, MAX_TURNS);
    TextNormaliser normaliser = bots.current()
        .map(b -> new TextNormaliser(b.content().spelling())).orElseGet(TextNormaliser::plain);
    return new UnrecognisedReport(since, turns.size(),
        new UnrecognisedGrouper(normaliser).group(turns));
  }
}
