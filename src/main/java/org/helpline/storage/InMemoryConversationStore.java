package org.helpline.storage;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.helpline.conversation.ConversationStore;
import org.helpline.dialog.ConversationState;

/**
 * Conversation state in memory, for one instance. Turns of one conversation are serialised by
 * the map's per-key atomic compute. Durable storage replaces it in a later step.
 */
public final class InMemoryConversationStore implements ConversationStore {

  private final ConcurrentHashMap<String, ConversationState> states = new ConcurrentHashMap<>();

  @Override
  public Optional<ConversationState> find(String conversationId) {
    return Optional.ofNullable(states.get(conversationId));
  }

  @Override
  public <R> R update(String conversationId,
      Function<Optional<ConversationState>, Update<R>> turn) {
    AtomicReference<R> result = new AtomicReference<>();
    states.compute(conversationId, (id, current) -> {
      Update<R> update = turn.apply(Optional.ofNullable(current));
      result.set(update.result());
      return update.state();
    });
    return result.get();
  }
}
