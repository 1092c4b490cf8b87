package org.helpline.channel.web.dto;

import java.util.List;

/** Helpline details when the bot passes the person to the nurses. */
public record WebChatHandoff(String phone, boolean openNow, String hours, String nextOpen,
    List<String> alternatives, String reason) {
}
