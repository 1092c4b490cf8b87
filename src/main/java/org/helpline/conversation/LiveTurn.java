package org.helpline.conversation;

import java.time.Instant;
import java.util.List;
import org.helpline.handoff.ChatEvent;

/**
 * What a turn changes in a live chat with a nurse or a message left for one, written in the
 * turn's transaction.
 *
 * @param mode null, or how the person now reaches the nurses ({@code chat} or
 *     {@code message}): their queue entry (the one this turn opens, or the open one) takes it,
 *     with {@code status} and {@code replyBy}
 * @param status where the chat or message stands now, with {@code mode}
 * @param replyBy when a nurse will reply to a left message, or null
 * @param events what the chat shows of this turn: the person's message, the bot's emergency
 *     guidance, an alert for the nurse, the new status
 */
public record LiveTurn(String mode, String status, Instant replyBy,
    List<ChatEvent.Draft> events) {

  /** A turn outside any live chat. */
  public static final LiveTurn NONE = new LiveTurn(null, null, null, List.of());

  public LiveTurn {
    events = List.copyOf(events);
  }

  /** Only events, the entry unchanged. */
  public static LiveTurn events(List<ChatEvent.Draft> events) {
    return new LiveTurn(null, null, null, events);
  }

  /** Whether the turn changes the queue entry's mode or status. */
  public boolean changesEntry() {
    return mode != null;
  }

  /** Whether the turn writes anything to a live chat or the queue entry. */
  public boolean changesChat() {
    return changesEntry() || !events.isEmpty();
  }
}
