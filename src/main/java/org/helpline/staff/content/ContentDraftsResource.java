package org.helpline.staff.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.helpline.channel.web.WebChatMapper;
import org.helpline.channel.web.dto.WebChatRequest;
import org.helpline.channel.web.dto.WebChatResponse;
import org.helpline.content.ContentArchive;
import org.helpline.content.ContentDraft;
import org.helpline.content.ContentFiles;
import org.helpline.content.ContentWorkflowException;
import org.helpline.conversation.ConversationService;
import org.helpline.conversation.InvalidMessageException;
import org.helpline.conversation.Utterance;
import org.helpline.eval.Comparison;
import org.helpline.staff.StaffRequest;
import org.helpline.staff.StaffRole;
import org.helpline.staff.content.ContentWorkflow.DraftView;
import org.helpline.staff.content.dto.DraftComment;
import org.helpline.staff.content.dto.DraftDiff;
import org.helpline.staff.content.dto.DraftSummary;

/**
 * Content drafts (DESIGN.md, "Content versions"): editors start one from the live version,
 * change its files, try it, and submit it; a clinician who wrote none of it approves it or
 * returns it with a comment; an editor publishes it. Every change is in the staff audit log.
 * Roles: reading and trying a draft, editors and clinicians; changing, submitting, publishing
 * and discarding, editors; approving and returning, clinicians (admins hold every role).
 */
@Path("/api/v1/staff/content/drafts")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "Not allowed for this role, or (approve,"
    + " return) the clinician wrote part of the draft")
public class ContentDraftsResource {

  /** Longest message a draft's bot is asked; the public chat's own limit is the same order. */
  private static final int MAX_TEXT = 1000;
  /** How long a request waits for a draft's evaluation before it is told to ask again. */
  private static final Duration EVALUATION_WAIT = Duration.ofSeconds(20);

  @Inject
  ContentWorkflow workflow;
  @Inject
  DraftChat chat;
  @Inject
  StaffRequest request;
  @Inject
  ObjectMapper json;
  @Inject
  DraftEvaluations evaluations;

  @POST
  @RolesAllowed(StaffRole.EDITOR)
  @Operation(summary = "Start a draft from the live content version; optional JSON body"
      + " {\"note\"}")
  @APIResponse(responseCode = "201", description = "The draft: id, basedOn, status")
  public Response create(String body) {
    ContentDraft draft = workflow.create(request.name(), comment(body).note());
    return Response.status(201).entity(DraftSummary.of(workflow.view(draft.id()))).build();
  }

  @POST
  @Path("/import")
  @RolesAllowed(StaffRole.EDITOR)
  @Consumes("application/zip")
  @Operation(summary = "Start a draft from a zip of intents/ and dialogs/ (as an export"
      + " gives): the draft holds exactly the archive's content files")
  @APIResponse(responseCode = "201", description = "The draft, validated: its problems (file"
      + " and line) and the files it changes against the live version")
  @APIResponse(responseCode = "422", description = "Not a zip, or it holds a bad path, text"
      + " that is not UTF-8, or too much; no draft is made")
  @APIResponse(responseCode = "413", description = "Over helpline.content.max-upload")
  public Response importArchive(byte[] archive) {
    if (archive == null || archive.length == 0) {
      throw new InvalidMessageException("the body must be a zip archive");
    }
    DraftView view = workflow.importDraft(ContentArchive.read(archive), request.name(),
        "Imported from a content archive");
    return Response.status(201).entity(DraftSummary.of(view)).build();
  }

  @GET
  @RolesAllowed({StaffRole.EDITOR, StaffRole.CLINICIAN})
  @Operation(summary = "The drafts still in the workflow (editing, submitted, approved),"
      + " most recently changed first")
  public List<DraftSummary> open() {
    return workflow.openDrafts().stream().map(DraftSummary::brief).toList();
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({StaffRole.EDITOR, StaffRole.CLINICIAN})
  @Operation(summary = "One draft: status, author, review, its problems (file and line) and"
      + " the files it changes")
  @APIResponse(responseCode = "404", description = "No such draft")
  public DraftSummary get(@PathParam("id") String id) {
    return DraftSummary.of(workflow.view(id));
  }

  @GET
  @Path("/{id}/files/{path: .+}")
  @RolesAllowed({StaffRole.EDITOR, StaffRole.CLINICIAN})
  @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
  @Operation(summary = "One file of the draft, as text (path keeps its slashes, e.g."
      + " dialogs/cytokines.yml)")
  @APIResponse(responseCode = "404", description = "No such draft or file")
  public String file(@PathParam("id") String id, @PathParam("path") String path) {
    return workflow.file(id, path);
  }

  @PUT
  @Path("/{id}/files/{path: .+}")
  @RolesAllowed(StaffRole.EDITOR)
  @Consumes(MediaType.TEXT_PLAIN)
  @Operation(summary = "Replace or add one file of a draft being edited; the whole draft is"
      + " validated")
  @APIResponse(responseCode = "200", description = "The draft, with every problem (file and"
      + " line) in 'problems'; a draft with problems is saved but cannot be submitted")
  @APIResponse(responseCode = "409", description = "The draft is not being edited, or the"
      + " path is not a content file")
  public DraftSummary save(@PathParam("id") String id, @PathParam("path") String path,
      String text) {
    if (text == null) {
      throw new ContentWorkflowException("the file's text is missing");
    }
    if (text.indexOf('\0') >= 0 || ConversationService.hasControlCharacters(
        text.replace("\r", ""))) {
      throw new InvalidMessageException("the file has control characters; content files are"
          + " plain UTF-8 text");
    }
    return DraftSummary.of(workflow.save(id, path, text.replace("\r\n", "\n"),
        request.name()));
  }

  @DELETE
  @Path("/{id}/files/{path: .+}")
  @RolesAllowed(StaffRole.EDITOR)
  @Operation(summary = "Remove one file from a draft being edited")
  @APIResponse(responseCode = "200", description = "The draft, validated again")
  public DraftSummary remove(@PathParam("id") String id, @PathParam("path") String path) {
    return DraftSummary.of(workflow.save(id, path, null, request.name()));
  }

  @POST
  @Path("/{id}/examples")
  @RolesAllowed(StaffRole.EDITOR)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add one way of asking to an intent's training examples (from the"
      + " unrecognised questions or the not-helpful ratings); the draft is validated")
  @APIResponse(responseCode = "200", description = "The draft, with its problems (an example"
      + " already under another intent is one)")
  @APIResponse(responseCode = "404", description = "No such draft or intent")
  @APIResponse(responseCode = "409", description = "Not being edited, empty, or already there")
  public DraftSummary addExample(@PathParam("id") String id, NewExample body) {
    if (body == null || body.intent() == null || body.text() == null) {
      throw new InvalidMessageException("a JSON body {\"intent\", \"text\"} is required");
    }
    if (body.text().length() > MAX_TEXT || ConversationService.hasControlCharacters(
        body.text())) {
      throw new InvalidMessageException("text must be at most " + MAX_TEXT
          + " characters, without control characters");
    }
    return DraftSummary.of(workflow.addExample(id, body.intent(), body.text(),
        request.name()));
  }

  /** An example to add: the intent's id and the words. */
  public record NewExample(String intent, String text) {
  }

  @GET
  @Path("/{id}/diff")
  @RolesAllowed({StaffRole.EDITOR, StaffRole.CLINICIAN})
  @Operation(summary = "Every file the draft changes, before and after, for a side-by-side"
      + " reading")
  public DraftDiff diff(@PathParam("id") String id) {
    DraftView view = workflow.view(id);
    ContentFiles before = workflow.baseFiles(view.draft());
    ContentFiles after = workflow.files(id);
    List<DraftDiff.FileDiff> files = new ArrayList<>();
    for (ContentWorkflow.FileChange change : view.changes()) {
      files.add(new DraftDiff.FileDiff(change.path(), change.change(),
          before.text(change.path()), after.text(change.path())));
    }
    return new DraftDiff(id, view.draft().basedOn(), files);
  }

  @POST
  @Path("/{id}/chat")
  @RolesAllowed({StaffRole.EDITOR, StaffRole.CLINICIAN})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Chat with the draft's bot: answers like POST /api/v1/chat, from the"
      + " draft's content; nothing is stored")
  @APIResponse(responseCode = "422", description = "The draft has problems, so it has no bot"
      + " yet: every problem with file and line")
  public WebChatResponse chat(@PathParam("id") String id, WebChatRequest body) {
    if (body == null) {
      throw new InvalidMessageException("a JSON body with text (or payload) is required");
    }
    boolean tapped = body.payload() != null && !body.payload().isBlank();
    if (!tapped && (body.text() == null || body.text().isBlank())) {
      throw new InvalidMessageException("text must not be empty");
    }
    String said = tapped ? body.payload() : body.text();
    if (said.length() > MAX_TEXT || ConversationService.hasControlCharacters(said)) {
      throw new InvalidMessageException("text must be at most " + MAX_TEXT
          + " characters, without control characters");
    }
    if (body.conversationId() != null && !DraftChat.isConversationId(body.conversationId())) {
      throw new InvalidMessageException("conversationId is not one this chat gave");
    }
    return WebChatMapper.toResponse(chat.chat(id, body.conversationId(),
        tapped ? Utterance.tapped(said) : Utterance.typed(said)));
  }

  @GET
  @Path("/{id}/evaluation")
  @RolesAllowed({StaffRole.EDITOR, StaffRole.CLINICIAN})
  @Operation(summary = "The draft's bot beside the live one: development and test accuracy,"
      + " safety recall, intents better and worse, development examples that now land"
      + " elsewhere, and whether it lowers safety recall")
  @APIResponse(responseCode = "503", description = "Still training and evaluating; ask again"
      + " (Retry-After)")
  @APIResponse(responseCode = "422", description = "The draft has problems, so it has no bot")
  public Comparison.Report evaluation(@PathParam("id") String id) {
    return evaluations.evaluate(id, EVALUATION_WAIT);
  }

  @POST
  @Path("/{id}/submit")
  @RolesAllowed(StaffRole.EDITOR)
  @Operation(summary = "Send the draft for clinical sign-off (an editor who wrote it)")
  @APIResponse(responseCode = "409", description = "Not being edited, or it changes nothing")
  @APIResponse(responseCode = "422", description = "The draft has problems, or it lowers"
      + " safety recall")
  public DraftSummary submit(@PathParam("id") String id, String body) {
    workflow.submit(id, request.name(), comment(body).note());
    return DraftSummary.of(workflow.view(id));
  }

  @POST
  @Path("/{id}/approve")
  @RolesAllowed(StaffRole.CLINICIAN)
  @Operation(summary = "Approve a submitted draft (a clinician who wrote none of it): the"
      + " dialogs it changes get today's review date and the clinician's name")
  @APIResponse(responseCode = "409", description = "The draft is not submitted")
  public DraftSummary approve(@PathParam("id") String id, String body) {
    workflow.approve(id, request.name(), comment(body).comment());
    return DraftSummary.of(workflow.view(id));
  }

  @POST
  @Path("/{id}/return")
  @RolesAllowed(StaffRole.CLINICIAN)
  @Operation(summary = "Send a submitted draft back to its editors with a comment")
  @APIResponse(responseCode = "409", description = "The draft is not submitted, or there is"
      + " no comment")
  public DraftSummary sendBack(@PathParam("id") String id, String body) {
    workflow.sendBack(id, request.name(), comment(body).comment());
    return DraftSummary.of(workflow.view(id));
  }

  @POST
  @Path("/{id}/publish")
  @RolesAllowed(StaffRole.EDITOR)
  @Operation(summary = "Publish an approved draft as the next version; every instance"
      + " switches to it within seconds")
  @APIResponse(responseCode = "200", description = "{\"version\": the new version number}")
  @APIResponse(responseCode = "409", description = "Not approved, or another version went"
      + " live since the draft was started")
  @APIResponse(responseCode = "422", description = "The content does not validate or train;"
      + " nothing changed")
  public PublishedVersion publish(@PathParam("id") String id, String body) {
    return new PublishedVersion(workflow.publish(id, request.name(),
        comment(body).note()).version());
  }

  /**
   * The optional JSON body of a draft action ({@code {"note"}} or {@code {"comment"}}): read
   * here rather than bound, so that an action posted with no body (or no content type) works.
   */
  private DraftComment comment(String body) {
    if (body == null || body.isBlank()) {
      return new DraftComment(null, null);
    }
    try {
      DraftComment comment = json.readValue(body, DraftComment.class);
      return comment == null ? new DraftComment(null, null) : comment;
    } catch (JsonProcessingException e) {
      throw new InvalidMessageException("the body must be JSON: {\"note\": ...} or"
          + " {\"comment\": ...}");
    }
  }

  /** What a publish answers. */
  public record PublishedVersion(int version) {
  }

  @POST
  @Path("/{id}/discard")
  @RolesAllowed(StaffRole.EDITOR)
  @Operation(summary = "Abandon a draft that is not published")
  public DraftSummary discard(@PathParam("id") String id) {
    workflow.discard(id, request.name());
    return DraftSummary.of(workflow.view(id));
  }
}
