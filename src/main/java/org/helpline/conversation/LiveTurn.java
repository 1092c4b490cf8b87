package org.helpline.conversation;

import java.util.List;
import org.helpline.handoff.ChatEvent;

/**
 * What a turn changes in a live chat with a nurse, written in the turn's transaction.
 *
 * @param startsChat whether the person asked to chat here: their queue entry (the one this
 *     turn opens, or the open one) becomes a chat waiting for a nurse
 * @param events what the chat shows of this turn: the person's message, the bot's emergency
 *     guidance, an alert for the nurse, the new status
 */
public record LiveTurn(boolean startsChat, List<ChatEvent.Draft> events) {

  /** A turn outside any live chat. */
  public static final LiveTurn NONE = new LiveTurn(false, List.of());

  public LiveTurn {
    events = List.copyOf(events);
  }

  /** Whether the turn writes anything to a live chat. */
  public boolean changesChat() {
    return startsChat || !events.isEmpty();
  }
}
