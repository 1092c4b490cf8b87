package org.helpline.staff.nurse.dto;

import java.util.List;

/**
 * The redacted transcript of a handed-off conversation: its turns with the bot, then the
 * messages of its live chat or left message ({@code chat}), each in order.
 */
public record NurseTranscript(String handoffId, String conversationId, String channel,
    List<NurseTranscriptTurn> turns, List<NurseChatMessage> chat) {
}
