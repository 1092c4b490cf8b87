package org.helpline.conversation;

import org.helpline.dialog.Turn;

/** The engine's turn for a message, with the conversation it belongs to. */
public record ChatOutcome(String conversationId, Turn turn, String contentVersion) {
}
