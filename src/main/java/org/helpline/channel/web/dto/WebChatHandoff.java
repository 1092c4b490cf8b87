package org.helpline.channel.web.dto;

import java.util.List;

/**
 * Helpline details when the bot passes the person to the nurses, and their live chat.
 *
 * @param modes how they can reach the nurses now: "phone", and "chat" while nurses can chat or
 *     "message" while the line is closed
 * @param mode "chat" once they asked to chat here, "message" once they agreed to leave one,
 *     else null
 * @param status where their chat or message stands: writing (a message), waiting,
 *     with_nurse, back_with_bot or closed
 * @param position their place in the queue while they wait (1 is next), else null
 * @param replyBy when a nurse will reply to the message they left (ISO-8601), else null
 */
public record WebChatHandoff(String phone, boolean openNow, String hours, String nextOpen,
    List<String> alternatives, String reason, List<String> modes, String mode, String status,
    Integer position, String replyBy) {
}
