package org.helpline.channel.web.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/chat}: free text, or a quick reply's payload. */
@Schema(description = "A message from the person: 'text' they typed, or the 'payload' of a quick reply they tapped.")
public record WebChatRequest(
    @Schema(description = "Returned by the first reply; omit to start a conversation.")
    String conversationId,
    @Schema(description = "What the person typed (1 to 1000 characters).", example = "what are checkpoint inhibitors")
    String text,
    @Schema(description = "A quick reply's payload (an intent id), instead of text.")
    String payload,
    @Schema(description = "Optional client id for this message (at most 128 characters): a"
        + " retry with the same id gets the first reply and is not processed again.")
    String messageId) {
}
