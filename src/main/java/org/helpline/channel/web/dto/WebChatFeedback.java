package org.helpline.channel.web.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/chat/feedback}: was one reply helpful? */
@Schema(description = "A rating of one reply of the bot.")
public record WebChatFeedback(
    @Schema(description = "The conversation the reply belongs to.", required = true)
    String conversationId,
    @Schema(description = "The reply's 'turn' number, as the chat response gave it.",
        required = true, example = "1")
    Integer turn,
    @Schema(description = "Whether the reply helped.", required = true)
    Boolean helpful,
    @Schema(description = "Optional words from the person (at most 500 characters); personal"
        + " details such as phone numbers are removed before it is kept.")
    String comment) {
}
