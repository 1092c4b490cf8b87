package org.helpline.staff;

import java.time.Instant;

/**
 * The audit log of what staff looked at: who, when, which action and conversation. Never the
 * text of a message.
 */
public interface StaffAudit {

  /**
   * Records one staff action.
   *
   * @param conversationId the conversation concerned, or null
   * @param detail a short note without personal data (an id, an urgency), or null
   */
  void record(String principal, String action, String conversationId, String detail,
      Instant at);
}
