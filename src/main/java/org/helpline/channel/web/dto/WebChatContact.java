package org.helpline.channel.web.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code GET /api/v1/chat/contact}: the numbers the widget shows and makes tappable. */
@Schema(description = "How to reach the nurse helpline, and the other numbers the bot's"
    + " replies give, from the running content.")
public record WebChatContact(
    @Schema(description = "The nurse helpline number, as people read it.",
        example = "0800 000 0000")
    String phone,
    @Schema(description = "The same number as a tel: URI.", example = "tel:08000000000")
    String phoneUri,
    @Schema(description = "The emergency number; null while the bot is starting.",
        example = "999")
    String emergency,
    @Schema(description = "Other services' numbers the replies give (NHS 111, Samaritans);"
        + " empty while the bot is starting.")
    List<String> otherNumbers,
    @Schema(description = "The nurse helpline's opening hours in words; null while the bot is"
        + " starting.", example = "Monday to Friday, 9am to 5pm (UK time)")
    String hours) {
}
