package org.helpline.staff.content;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.helpline.content.ContentArchive;
import org.helpline.content.ContentLoader;
import org.helpline.content.ContentProblem;
import org.helpline.content.ContentVersion;
import org.helpline.content.ContentVersionStore;
import org.helpline.content.UnknownContentException;
import org.helpline.conversation.BotFactory;
import org.helpline.staff.StaffRequest;
import org.helpline.staff.StaffRole;
import org.helpline.staff.editor.ContentReloader;
import org.helpline.staff.editor.ReloadReport;

/**
 * Published content versions: the list, one click back to an earlier one, the export of any
 * version as the {@code intents/} + {@code dialogs/} tree, the texts due for clinical review,
 * and the reload of a content directory (when content is kept in git, not here). Reading:
 * editors and clinicians; restoring and reloading: editors (admins hold every role).
 */
@Path("/api/v1/staff/content")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "Not allowed for this role")
public class ContentVersionsResource {

  @Inject
  ContentVersionStore store;
  @Inject
  ContentWorkflow workflow;
  @Inject
  BotFactory factory;
  @Inject
  StaffRequest request;
  @Inject
  ContentReloader reloader;

  /**
   * One published version as listed.
   *
   * @param live whether every instance serves it now
   * @param fingerprint the content's own version, as chat replies give it
   */
  public record VersionView(int version, Instant publishedAt, String publishedBy,
      String approvedBy, String note, boolean live, String author, String origin,
      String fingerprint) {

    static VersionView of(ContentVersion v, int live) {
      return new VersionView(v.version(), v.publishedAt(), v.publishedBy(), v.approvedBy(),
          v.note(), v.version() == live, v.author(), v.origin(), v.fingerprint());
    }
  }

  @GET
  @Path("/versions")
  @RolesAllowed({StaffRole.EDITOR, StaffRole.CLINICIAN})
  @Operation(summary = "Every published content version, newest first, and which one is live")
  public List<VersionView> versions() {
    int liveVersion = store.live().map(ContentVersion::version).orElse(0);
    return store.versions().stream().map(v -> VersionView.of(v, liveVersion)).toList();
  }

  @POST
  @Path("/versions/{version}/restore")
  @RolesAllowed(StaffRole.EDITOR)
  @Operation(summary = "Make an earlier version live again (it was approved when published);"
      + " every instance switches within seconds")
  @APIResponse(responseCode = "404", description = "No such version")
  public VersionView restore(@PathParam("version") int version) {
    ContentVersion restored = workflow.restore(version, request.name());
    return VersionView.of(restored, restored.version());
  }

  @GET
  @Path("/versions/{version}/files")
  @RolesAllowed({StaffRole.EDITOR, StaffRole.CLINICIAN})
  @Operation(summary = "The paths of a version's files, sorted")
  @APIResponse(responseCode = "404", description = "No such version")
  public List<String> files(@PathParam("version") int version) {
    return store.files(version).paths();
  }

  @GET
  @Path("/versions/{version}/export")
  @RolesAllowed({StaffRole.EDITOR, StaffRole.CLINICIAN})
  @Produces("application/zip")
  @Operation(summary = "A version as a zip of intents/ and dialogs/, the repository's layout")
  @APIResponse(responseCode = "404", description = "No such version")
  public Response export(@PathParam("version") int version) {
    byte[] zip = ContentArchive.write(store.files(version));
    request.audit("content_export", null, "version " + version);
    return Response.ok(zip, "application/zip").header("Content-Disposition",
        "attachment; filename=\"helpline-content-v" + version + ".zip\"").build();
  }

  /**
   * The texts of the live version that clinicians should look at: those reviewed longer ago
   * than {@code helpline.content.review-max-age} (oldest first), and those never reviewed.
   */
  public record ReviewDue(int version, List<ContentProblem> due,
      List<ContentProblem> awaiting) {
  }

  @GET
  @Path("/review-due")
  @RolesAllowed({StaffRole.EDITOR, StaffRole.CLINICIAN})
  @Operation(summary = "Texts of the live version due for clinical review, and those awaiting"
      + " their first")
  public ReviewDue reviewDue() {
    ContentVersion version = store.live().orElseThrow(() ->
        new UnknownContentException("no content version is live yet"));
    ContentLoader.Loaded loaded = factory.load(store.files(version.version()).source());
    return new ReviewDue(version.version(), loaded.dueForReview(), loaded.awaitingReview());
  }

  @POST
  @Path("/reload")
  @RolesAllowed(StaffRole.EDITOR)
  @Operation(summary = "Re-read, check and retrain the content directory, and switch to it"
      + " only if it is valid")
  @APIResponse(responseCode = "200", description = "The new content runs: its version, size,"
      + " training time, the texts due for clinical review and those awaiting their first"
      + " (no 'reviewed:' date)")
  @APIResponse(responseCode = "409", description = "The bot runs on packaged content"
      + " (helpline.content.dir is not set)")
  @APIResponse(responseCode = "422", description = "The content is invalid: every problem"
      + " with file and line in 'problems'; the running content is kept")
  public ReloadReport reload() {
    return reloader.reload();
  }
}
