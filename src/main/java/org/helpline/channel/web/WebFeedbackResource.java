package org.helpline.channel.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.helpline.channel.web.dto.WebChatFeedback;
import org.helpline.conversation.InvalidMessageException;
import org.helpline.feedback.FeedbackService;

/** "Was this helpful?" for the web chat: one rating per reply. */
@Path("/api/v1/chat/feedback")
@Tag(name = "Chat")
public class WebFeedbackResource {

  @Inject
  FeedbackService feedback;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Rate one reply of the bot as helpful or not, with an optional comment")
  @APIResponse(responseCode = "204", description = "Thank you: the rating is kept")
  @APIResponse(responseCode = "400", description = "Malformed JSON, a missing field or a"
      + " comment over 500 characters (application/problem+json)")
  @APIResponse(responseCode = "404", description = "No such conversation or turn"
      + " (application/problem+json)")
  @APIResponse(responseCode = "409", description = "This reply has been rated already"
      + " (application/problem+json)")
  public void rate(WebChatFeedback body) {
    if (body == null) {
      throw new InvalidMessageException("the request body must be a JSON object with"
          + " 'conversationId', 'turn' and 'helpful'");
    }
    feedback.rate(body.conversationId(), body.turn(), body.helpful(), body.comment());
  }
}
