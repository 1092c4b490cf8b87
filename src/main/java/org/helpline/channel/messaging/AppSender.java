package org.helpline.channel.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.helpline.conversation.ChannelWords;
import org.helpline.conversation.ChatReply;

/**
 * Writes to a person in a messaging app when no message of theirs is being answered: what a
 * nurse writes in their chat, and where the chat stands. One per platform, through its send
 * API and its {@link PlatformClient} (the retries and circuit breaker of the bot's own
 * replies). The person's address comes from their webhook ({@link MessagingInbound#replyTo}),
 * in the channel's own form; it is personal data and never logged.
 */
public interface AppSender {

  /** The channel it sends on, as turns are kept under ({@code whatsapp}, {@code twilio}). */
  String channel();

  /** Whether its send API is configured: without it, nobody here is offered a nurse chat. */
  boolean enabled();

  /**
   * How long after the person's last message the platform lets a business write freely to
   * them (WhatsApp: 24 hours), or empty when it does not limit that.
   */
  Optional<Duration> window(String replyTo);

  /**
   * Sends one reply (text, and choices as the channel shows them: buttons, or a numbered list
   * on SMS), rendered as the bot's own replies are.
   *
   * @param lastHeard when the person last wrote (some platforms want to know how late this is)
   * @throws SendRejectedException when the platform refuses it (never worth trying again)
   * @throws SendException when it failed in a way worth trying again later
   */
  void send(String replyTo, ChatReply reply, ChannelWords words, Instant lastHeard,
      Instant now);

  /**
   * Outside the {@link #window}: tells the person, in the form the platform allows (an
   * approved template), that a reply is waiting for them. False when it cannot.
   */
  default boolean nudge(String replyTo) {
    return false;
  }
}
