package org.helpline.handoff;

import java.util.Set;

/**
 * The words of a live chat with a nurse ({@code ../shared/DESIGN.md}, "Nurse chat"): how a
 * person can reach the nurses, and where a chat stands.
 *
 * <p>A person handed to the nurses can always phone; while the line is open they can also ask
 * to chat in the same window (quick reply {@value #CHAT_PAYLOAD}). They then wait in the
 * queue, a nurse claims the conversation and they talk; the nurse hands them back to the bot
 * or closes the chat, or the person leaves it ({@value #END_PAYLOAD}). While they wait or
 * talk, what they write goes to the nurse, not the bot (the safety screen still runs on every
 * message).
 */
public final class LiveChat {

  /** The quick reply that asks to chat with a nurse here. */
  public static final String CHAT_PAYLOAD = "nurse_chat";

  /** The quick reply that asks to leave a message for the nurses (the line is closed). */
  public static final String MESSAGE_PAYLOAD = "nurse_message";

  /** The quick reply with which a person leaves a live chat (waiting or with a nurse). */
  public static final String END_PAYLOAD = "nurse_chat_end";

  /** The answers to "may we keep your message?". */
  public static final String MESSAGE_YES_PAYLOAD = "nurse_message_yes";
  public static final String MESSAGE_NO_PAYLOAD = "nurse_message_no";

  /** Modes: how the person reaches the nurses. */
  public static final String PHONE = "phone";
  public static final String CHAT = "chat";
  public static final String MESSAGE = "message";

  /** Where a chat or a message stands; {@link #WRITING}: agreed, the message not yet sent. */
  public static final String WRITING = "writing";
  public static final String WAITING = "waiting";
  public static final String WITH_NURSE = "with_nurse";
  public static final String BACK_WITH_BOT = "back_with_bot";
  public static final String CLOSED = "closed";
  /**
   * The person left the chat themselves: they talk to the bot again, and the entry stays in
   * the queue, for the nurses to close with an outcome.
   */
  public static final String LEFT = "left";

  /** The chat statuses in which what the person writes goes to a nurse. */
  private static final Set<String> RELAYING = Set.of(WAITING, WITH_NURSE);

  private LiveChat() {
  }

  /** Whether a person in this mode and status is in a live chat they can leave. */
  public static boolean inChat(String mode, String chatStatus) {
    return CHAT.equals(mode) && RELAYING.contains(chatStatus);
  }

  /** Whether a person in this mode and status writes to a nurse rather than to the bot. */
  public static boolean relays(String mode, String chatStatus) {
    return (CHAT.equals(mode) || MESSAGE.equals(mode)) && RELAYING.contains(chatStatus);
  }
}
