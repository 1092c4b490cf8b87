package org.helpline.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.helpline.content.Content;
import org.helpline.content.HandoffTexts;
import org.helpline.content.HelplineFacts;
import org.helpline.dialog.ConversationState;
import org.helpline.handoff.ChatEvent;
import org.helpline.handoff.HandoffReason;
import org.helpline.handoff.HandoffRecord;
import org.helpline.handoff.HandoffRecord.OpenHandoff;
import org.helpline.handoff.HelplineHours;
import org.helpline.handoff.LiveChat;
import org.helpline.handoff.Urgency;

/**
 * The live chat part of a turn, decided without storage (the place in the queue is asked of
 * the turn's transaction through {@link Places}):
 *
 * <ul>
 *   <li>while a person waits for a nurse or talks with one, what they write goes to the nurse
 *       ({@value #RELAYED}, no bot answer), unless the safety screen or the safety net fires:
 *       then they get the bot's emergency guidance at once and the nurse gets an alert;
 *   <li>a person who taps {@value LiveChat#CHAT_PAYLOAD} joins the queue for a chat, when
 *       the nurses can chat now;
 *   <li>any other reply that passes someone to the nurses offers the chat beside the phone.
 * </ul>
 */
public final class NurseChat {

  /** The action of a message that went to the nurse instead of the bot. */
  public static final String RELAYED = "relayed";

  /** What the transcript keeps of the tap that asks to chat (as for any quick reply). */
  private static final String TAPPED_CHAT = "[quick reply] " + LiveChat.CHAT_PAYLOAD;

  /** The only channel whose people can chat with a nurse so far. */
  private static final String WEB = "web";

  private final boolean enabled;

  /** @param enabled whether nurses take live chats at all ({@code helpline.nurse-chat.enabled}) */
  public NurseChat(boolean enabled) {
    this.enabled = enabled;
  }

  /** Asks the turn's transaction for a chat's place in the queue. */
  @FunctionalInterface
  public interface Places {
    int of(String handoffId, Urgency urgency, Instant since);
  }

  /**
   * What one turn replies and writes.
   *
   * @param transcriptText what the transcript keeps of the person's message
   * @param referral the queue entry it gives the nurses, if any
   */
  public record Step(ChatReply reply, String transcriptText, ConversationState state,
      Optional<HandoffRecord> referral, LiveTurn live) {
  }

  /** Whether the person tapped the quick reply that asks to chat with a nurse here. */
  public static boolean asksToChat(Utterance said) {
    return said.isTap() && LiveChat.CHAT_PAYLOAD.equals(said.payload());
  }

  /** Whether the person can start a chat with a nurse here, now. */
  public boolean available(Content content, String channel, Instant now) {
    return enabled && WEB.equals(channel) && new HelplineHours(content.helpline()).isOpen(now);
  }

  /**
   * The turn: the bot's own, with the chat offered where it hands over, unless the person is
   * in a live chat or asks for one.
   *
   * @param turn the bot's turn, or null when the person asked to chat ({@link #asksToChat})
   * @param open the queue entry the conversation has open, if any
   * @param before the conversation's state before the turn
   */
  public Step step(Content content, String channel, BotTurn turn, Optional<OpenHandoff> open,
      ConversationState before, Instant now, Places places) {
    if (open.isPresent() && open.get().relays()) {
      return relay(content, turn, open.get(), before, now, places);
    }
    if (turn == null) {
      return join(content, channel, open, before, now, places);
    }
    return new Step(offer(content, channel, ChatReply.of(turn.turn()), now),
        turn.transcriptText(), turn.turn().state(), turn.turn().referral(), LiveTurn.NONE);
  }

  /** A reply that hands over offers the chat (and its quick reply) when it is available. */
  ChatReply offer(Content content, String channel, ChatReply reply, Instant now) {
    if (reply.handoff() == null) {
      return reply;
    }
    if (!available(content, channel, now)) {
      return reply.with(reply.handoff().withModes(List.of(LiveChat.PHONE)),
          reply.quickReplies());
    }
    List<ChatReply.Choice> choices = new ArrayList<>();
    choices.add(new ChatReply.Choice(content.handoff().chat().offer(), LiveChat.CHAT_PAYLOAD));
    choices.addAll(reply.quickReplies());
    return reply.with(reply.handoff().withModes(List.of(LiveChat.PHONE, LiveChat.CHAT)),
        choices);
  }

  /** The person writes to the nurse; an emergency still gets the bot's guidance at once. */
  private Step relay(Content content, BotTurn turn, OpenHandoff open, ConversationState before,
      Instant now, Places places) {
    Integer place = LiveChat.WAITING.equals(open.chatStatus())
        ? places.of(open.id(), open.urgency(), open.createdAt()) : null;
    ConversationState kept = new ConversationState(before.topic(), before.misunderstandings(),
        true, now, List.of());
    ChatReply relayed = new ChatReply(RELAYED, null, null, List.of(), List.of(),
        handoff(content, now).inChat(open.chatStatus(), place), null, null, null);
    if (turn == null) {
      // Asked again while already in the chat: nothing new for the nurse.
      return new Step(relayed, TAPPED_CHAT, kept, Optional.empty(), LiveTurn.NONE);
    }
    List<ChatEvent.Draft> events = new ArrayList<>();
    events.add(ChatEvent.message(ChatEvent.PERSON, turn.transcriptText(), now, null));
    ChatReply bot = ChatReply.of(turn.turn());
    if (bot.escalation() != null) {
      // Never wait for a nurse to read it: the person gets 999 or Samaritans now.
      bot.replies().forEach(m -> events.add(ChatEvent.message(ChatEvent.BOT, m.text(), now,
          null)));
      events.add(ChatEvent.alert(bot.escalation().type(), "The person's message fired the"
          + " safety screen; they were shown the " + bot.escalation().type().replace('_', ' ')
          + " guidance.", now));
      ChatReply.Handoff h = bot.handoff() != null ? bot.handoff() : handoff(content, now);
      return new Step(bot.with(h.inChat(open.chatStatus(), place), List.of()),
          turn.transcriptText(), kept, turn.turn().referral(), new LiveTurn(false, events));
    }
    return new Step(relayed, turn.transcriptText(), kept, Optional.empty(),
        new LiveTurn(false, events));
  }

  /** The person asked to chat here: they join the queue, or hear when the nurses can chat. */
  private Step join(Content content, String channel, Optional<OpenHandoff> open,
      ConversationState before, Instant now, Places places) {
    HandoffTexts.ChatTexts texts = content.handoff().chat();
    HelplineFacts facts = content.helpline();
    Optional<HandoffRecord> referral = open.isPresent() ? Optional.empty()
        : Optional.of(new HandoffRecord(HandoffReason.ASKED_FOR_NURSE, Urgency.ROUTINE,
            "asked to chat with a nurse here"));
    ConversationState state = new ConversationState(before.topic(), 0, true, now, List.of());
    if (!available(content, channel, now)) {
      String text = texts.notOpen().replace("{phone}", facts.phone())
          .replace("{hours}", facts.hoursText());
      ChatReply reply = new ChatReply("handoff", null, null,
          List.of(new ChatReply.Message(text, List.of())), List.of(),
          handoff(content, now).withModes(List.of(LiveChat.PHONE)), null, null, null);
      return new Step(reply, TAPPED_CHAT, state, referral, LiveTurn.NONE);
    }
    int place = places.of(open.map(OpenHandoff::id).orElse(null),
        open.map(OpenHandoff::urgency).orElse(Urgency.ROUTINE),
        open.map(OpenHandoff::createdAt).orElse(now));
    String text = texts.waiting().replace("{position}", Integer.toString(place))
        .replace("{phone}", facts.phone());
    ChatReply reply = new ChatReply("handoff", null, null,
        List.of(new ChatReply.Message(text, List.of())), List.of(),
        handoff(content, now).withModes(List.of(LiveChat.PHONE, LiveChat.CHAT))
            .inChat(LiveChat.WAITING, place), null, null, null);
    return new Step(reply, TAPPED_CHAT, state, referral, new LiveTurn(true, List.of(
        ChatEvent.status(LiveChat.CHAT, LiveChat.WAITING, place))));
  }

  /** The helpline's details for a reply the bot did not hand over itself. */
  private static ChatReply.Handoff handoff(Content content, Instant now) {
    HelplineFacts facts = content.helpline();
    HelplineHours hours = new HelplineHours(facts);
    boolean open = hours.isOpen(now);
    return new ChatReply.Handoff(null, null, facts.phone(), open, facts.hoursText(),
        open ? null : hours.describeNextOpening(now), facts.outOfHours());
  }
}
