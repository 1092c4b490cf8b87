package org.helpline.conversation;

import java.util.Optional;
import org.helpline.dialog.ConversationState;

/**
 * Everything one turn writes: the new state, the redacted text, the reply, the content version,
 * and a handoff record when the bot passed the person to the nurses.
 */
public record RecordedTurn(ConversationState state, String redactedText, ChatReply reply,
    String contentVersion, Optional<HandoffRecord> handoff) {
}
