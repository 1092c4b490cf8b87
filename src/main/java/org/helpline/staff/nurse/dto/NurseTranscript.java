package org.helpline.staff.nurse.dto;

import java.util.List;

/** The redacted transcript of a handed-off conversation. */
public record NurseTranscript(String handoffId, String conversationId, String channel,
    List<NurseTranscriptTurn> turns) {
}
