package org.helpline.staff.nurse.dto;

import java.util.List;

/** One turn of a transcript: the person's redacted text and what the bot did and said. */
public record NurseTranscriptTurn(int seq, String at, String userText, String action,
    String intent, Double confidence, List<String> botTexts) {
}
