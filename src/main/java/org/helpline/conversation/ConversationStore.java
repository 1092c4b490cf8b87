package org.helpline.conversation;

import java.util.Optional;
import java.util.function.Function;
import org.helpline.dialog.ConversationState;

/** Keeps conversation state between turns. Implementations apply one conversation's turns in order. */
public interface ConversationStore {

  /** The state of a conversation, if it exists. */
  Optional<ConversationState> find(String conversationId);

  /**
   * Applies one turn atomically: the function receives the current state (empty for a new or
   * unknown conversation) and returns its result together with the new state.
   */
  <R> R update(String conversationId, Function<Optional<ConversationState>, Update<R>> turn);

  /** What a turn produced and the state to keep. */
  record Update<R>(R result, ConversationState state) {
  }
}
