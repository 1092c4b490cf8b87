package org.helpline.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.helpline.handoff.ReplyBy;
import org.helpline.handoff.Urgency;

/**
 * The part of a turn that reaches a nurse other than by phone, decided without storage (the
 * place in the queue is asked of the turn's transaction through {@link Places}):
 *
 * <ul>
 *   <li>while a person waits for a nurse, talks with one, or has left a message, what they
 *       write goes to the nurse ({@value #RELAYED}, no bot answer), unless the safety screen
 *       or the safety net fires: then they get the bot's emergency guidance at once and the
 *       nurse gets an alert;
 *   <li>a person who taps {@value LiveChat#CHAT_PAYLOAD} joins the queue for a chat, when the
 *       nurses can chat now, and leaves it with {@value LiveChat#END_PAYLOAD} (the nurses see
 *       that they have left; the entry stays for a nurse to close);
 *   <li>while the line is closed, a person can leave a message ({@value
 *       LiveChat#MESSAGE_PAYLOAD}): they are told what is kept and for how long and asked
 *       first, then write it, and are given an honest reply-by time from the opening hours;
 *   <li>any other reply that passes someone to the nurses offers the chat, or the message,
 *       beside the phone.
 * </ul>
 */
public final class NurseChat {

  /** The action of a message that went to the nurse instead of the bot. */
  public static final String RELAYED = "relayed";

  /** The nurse's alert when a person asks to chat on an entry the nurse already has. */
  public static final String CHAT_REQUESTED = "chat_requested";

  /** What the transcript keeps of a tap on one of these choices (as for any quick reply). */
  private static final String TAPPED = "[quick reply] ";

  /** The choices that leave a message, which a person waiting for a chat can take too. */
  private static final Set<String> MESSAGE_CHOICES = Set.of(LiveChat.MESSAGE_PAYLOAD,
      LiveChat.MESSAGE_YES_PAYLOAD, LiveChat.MESSAGE_NO_PAYLOAD);

  /** The choices this step answers, not the bot. */
  private static final Set<String> CHOICES = Set.of(LiveChat.CHAT_PAYLOAD,
      LiveChat.MESSAGE_PAYLOAD, LiveChat.MESSAGE_YES_PAYLOAD, LiveChat.MESSAGE_NO_PAYLOAD,
      LiveChat.END_PAYLOAD);

  private final boolean enabled;
  private final Duration replyWithin;
  private final Duration kept;
  private final Set<String> channels;

  /**
   * @param enabled whether nurses take live chats and messages at all
   *     ({@code helpline.nurse-chat.enabled})
   * @param replyWithin how much of the line's opening time nurses take to answer a message
   * @param kept how long a message and its conversation are kept (the transcript retention)
   */
  public NurseChat(boolean enabled, Duration replyWithin, Duration kept) {
    this(enabled, replyWithin, kept, Set.of(ChatMessage.WEB));
  }

  /**
   * @param channels the channels whose people a nurse can write to: the web chat, and each
   *     messaging app whose send API is configured
   */
  public NurseChat(boolean enabled, Duration replyWithin, Duration kept, Set<String> channels) {
    this.enabled = enabled;
    this.replyWithin = replyWithin;
    this.kept = kept;
    this.channels = Set.copyOf(channels);
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

  /** Whether the person tapped one of this step's choices: nothing for the bot to classify. */
  public static boolean isChoice(Utterance said) {
    return said.isTap() && CHOICES.contains(said.payload());
  }

  /**
   * What the person said, with a bare number that picks one of this step's numbered choices
   * (on SMS, where there are no buttons) read as that choice.
   */
  public static Utterance chosen(ConversationState before, Utterance said) {
    if (said.isTap()) {
      return said;
    }
    return HelplineBot.numberedChoice(before, said.text()).filter(CHOICES::contains)
        .map(Utterance::tapped).orElse(said);
  }

  /** Whether a nurse is with the person now, in a live chat or answering their message. */
  public static boolean withNurse(Optional<OpenHandoff> open) {
    return open.filter(o -> o.relays() && LiveChat.WITH_NURSE.equals(o.chatStatus()))
        .isPresent();
  }

  /** Whether the person can start a chat with a nurse here, now. */
  public boolean chatAvailable(Content content, String channel, Instant now) {
    return enabled && channels.contains(channel)
        && new HelplineHours(content.helpline()).isOpen(now);
  }

  /** When a nurse would reply to a message left now, if one can be left here. */
  Optional<Instant> messageReplyBy(Content content, String channel, Instant now) {
    if (!enabled || !channels.contains(channel)) {
      return Optional.empty();
    }
    return new ReplyBy(content.helpline()).after(now, replyWithin).map(t -> t.toInstant());
  }

  /**
   * The turn: the bot's own, with the chat or a message offered where it hands over, unless
   * the person is in a live chat, has left a message, or chose one of this step's choices.
   *
   * @param turn the bot's turn, or null when the person tapped a choice ({@link #isChoice})
   * @param open the queue entry the conversation has open, if any
   * @param before the conversation's state before the turn
   */
  public Step step(Content content, String channel, Utterance said, BotTurn turn,
      Optional<OpenHandoff> open, ConversationState before, Instant now, Places places) {
    boolean waitingToChat = open.isPresent() && LiveChat.CHAT.equals(open.get().mode())
        && LiveChat.WAITING.equals(open.get().chatStatus());
    // Waiting for a chat, a person may leave a message instead (offered when nobody is free).
    boolean switching = turn == null && waitingToChat
        && MESSAGE_CHOICES.contains(said.payload());
    if (turn == null && LiveChat.END_PAYLOAD.equals(said.payload())) {
      return leaveChat(content, open, before, now);
    }
    if (open.isPresent() && open.get().relays() && !switching) {
      return relay(content, turn, open.get(), before, now, places);
    }
    if (turn == null) {
      return switch (said.payload()) {
        case LiveChat.CHAT_PAYLOAD -> join(content, channel, open, before, now, places);
        case LiveChat.MESSAGE_PAYLOAD -> askConsent(content, channel, before, now);
        case LiveChat.MESSAGE_YES_PAYLOAD -> startWriting(content, open, before, now);
        // "No thanks" to a message while waiting to chat: they keep their place.
        default -> waitingToChat ? join(content, channel, open, before, now, places)
            : declined(content, before, now);
      };
    }
    if (open.isPresent() && open.get().writing() && !said.isTap()) {
      return leave(content, channel, turn, before, now);
    }
    ChatReply reply = offer(content, channel, ChatReply.of(turn.turn()), now);
    ConversationState state = turn.turn().state();
    if (reply.handoff() != null) {
      // A bare number picks a choice on SMS: the state offers what the reply now shows.
      state = new ConversationState(state.topic(), state.misunderstandings(),
          state.handoffOffered(), state.lastActivity(), reply.quickReplies().stream()
              .map(ChatReply.Choice::payload).toList());
    }
    return new Step(reply, turn.transcriptText(), state, turn.turn().referral(),
        LiveTurn.NONE);
  }

  /**
   * What a person waiting to chat is told when no nurse has claimed them for a while: they can
   * keep waiting or leave a message, with the reply-by time; empty when no message can be
   * left on their channel.
   */
  public Optional<ChatEvent.Draft> unclaimedOffer(Content content, String channel,
      Instant now) {
    HandoffTexts.ChatTexts texts = content.handoff().chat();
    String said = new HelplineHours(content.helpline()).isOpen(now) ? texts.unclaimed()
        : texts.lineClosed();
    return messageReplyBy(content, channel, now).map(replyBy -> ChatEvent.offer(
        said.replace("{reply_by}", describe(content, replyBy)),
        Map.of(texts.message().offer(), LiveChat.MESSAGE_PAYLOAD), now));
  }

  /**
   * Who is offered a message now: those waiting to chat since before {@code now - after}
   * while the line is open, and everyone still waiting once it has closed (no nurse will
   * take them tonight).
   */
  public static Instant offerToThoseWaitingSince(Content content, Instant now,
      Duration after) {
    return new HelplineHours(content.helpline()).isOpen(now) ? now.minus(after)
        : now.plusMillis(1);
  }

  /**
   * The answer to one of this step's choices when the turn cannot be stored (the database is
   * unavailable): no chat or message can be kept, so the phone, as any handoff gives it.
   */
  public ChatReply phoneOnly(Content content, Instant now) {
    HelplineFacts facts = content.helpline();
    HelplineHours hours = new HelplineHours(facts);
    String text = (hours.isOpen(now) ? content.handoff().openNow()
        : content.handoff().closedNow().replace("{next_open}", hours.describeNextOpening(now)))
        .replace("{phone}", facts.phone()).replace("{hours}", facts.hoursText());
    return said(text, handoff(content, now), List.of());
  }

  /** The payloads a bare number picks after {@link #unclaimedOffer} (on SMS). */
  public static List<String> unclaimedChoices() {
    return List.of(LiveChat.MESSAGE_PAYLOAD);
  }

  /**
   * A reply that hands over offers the chat while nurses can chat, or a message while the line
   * is closed, each with its quick reply.
   */
  ChatReply offer(Content content, String channel, ChatReply reply, Instant now) {
    if (reply.handoff() == null) {
      return reply;
    }
    HandoffTexts.ChatTexts texts = content.handoff().chat();
    List<ChatReply.Choice> choices = new ArrayList<>();
    List<String> modes = new ArrayList<>(List.of(LiveChat.PHONE));
    if (chatAvailable(content, channel, now)) {
      modes.add(LiveChat.CHAT);
      choices.add(new ChatReply.Choice(texts.offer(), LiveChat.CHAT_PAYLOAD));
    } else if (messageReplyBy(content, channel, now).isPresent()) {
      modes.add(LiveChat.MESSAGE);
      choices.add(new ChatReply.Choice(texts.message().offer(), LiveChat.MESSAGE_PAYLOAD));
    }
    choices.addAll(reply.quickReplies());
    return reply.with(reply.handoff().withModes(modes), choices);
  }

  /** The person writes to the nurse; an emergency still gets the bot's guidance at once. */
  private Step relay(Content content, BotTurn turn, OpenHandoff open, ConversationState before,
      Instant now, Places places) {
    Integer place = LiveChat.CHAT.equals(open.mode())
        && LiveChat.WAITING.equals(open.chatStatus())
        ? places.of(open.id(), open.urgency(), open.createdAt()) : null;
    ConversationState kept = new ConversationState(before.topic(), before.misunderstandings(),
        true, now, List.of());
    ChatReply.Handoff where = handoff(content, now).in(open.mode(), open.chatStatus(), place,
        open.replyBy());
    ChatReply relayed = new ChatReply(RELAYED, null, null, List.of(), List.of(), where, null,
        null, null);
    if (turn == null) {
      // A choice tapped again while already with the nurses: nothing new for them.
      return new Step(relayed, TAPPED + LiveChat.CHAT_PAYLOAD, kept, Optional.empty(),
          LiveTurn.NONE);
    }
    List<ChatEvent.Draft> events = new ArrayList<>();
    events.add(ChatEvent.message(ChatEvent.PERSON, turn.transcriptText(), now, null));
    ChatReply bot = ChatReply.of(turn.turn());
    if (bot.escalation() != null) {
      // Never wait for a nurse to read it: the person gets 999 or Samaritans now.
      events.addAll(guidance(bot, now));
      return new Step(bot.with(where, List.of()), turn.transcriptText(), kept,
          turn.turn().referral(), LiveTurn.events(events));
    }
    return new Step(relayed, turn.transcriptText(), kept, Optional.empty(),
        LiveTurn.events(events));
  }

  /** The person asked to chat here: they join the queue, or hear when the nurses can chat. */
  private Step join(Content content, String channel, Optional<OpenHandoff> open,
      ConversationState before, Instant now, Places places) {
    HandoffTexts.ChatTexts texts = content.handoff().chat();
    HelplineFacts facts = content.helpline();
    Optional<HandoffRecord> referral = open.isPresent() ? Optional.empty()
        : Optional.of(asked("asked to chat with a nurse here"));
    ConversationState state = withNurses(before, now);
    String tapped = TAPPED + LiveChat.CHAT_PAYLOAD;
    if (!chatAvailable(content, channel, now)) {
      String text = texts.notOpen().replace("{phone}", facts.phone())
          .replace("{hours}", facts.hoursText());
      return new Step(said(text, handoff(content, now), List.of()), tapped, state, referral,
          LiveTurn.NONE);
    }
    List<ChatReply.Choice> end = List.of(new ChatReply.Choice(texts.end(),
        LiveChat.END_PAYLOAD));
    ConversationState endable = new ConversationState(state.topic(), 0, true, now,
        List.of(LiveChat.END_PAYLOAD));
    if (open.isPresent() && open.get().claimed()) {
      // A nurse already has their conversation (they left the chat, or were only handed the
      // phone): that nurse is with them again, not a queue.
      ChatReply.Handoff h = handoff(content, now).withModes(List.of(LiveChat.PHONE,
          LiveChat.CHAT)).in(LiveChat.CHAT, LiveChat.WITH_NURSE, null, null);
      return new Step(said(texts.app().joined(), h, end), tapped, endable, referral,
          new LiveTurn(LiveChat.CHAT, LiveChat.WITH_NURSE, null, List.of(
              ChatEvent.status(LiveChat.CHAT, LiveChat.WITH_NURSE, null),
              ChatEvent.alert(CHAT_REQUESTED, "The person asked to chat here while you had"
                  + " their entry. They have been told a nurse is with them: please write to"
                  + " them now.", now))));
    }
    int place = places.of(open.map(OpenHandoff::id).orElse(null),
        open.map(OpenHandoff::urgency).orElse(Urgency.ROUTINE),
        open.map(OpenHandoff::createdAt).orElse(now));
    String text = texts.waiting().replace("{position}", Integer.toString(place))
        .replace("{phone}", facts.phone());
    ChatReply.Handoff h = handoff(content, now).withModes(List.of(LiveChat.PHONE,
        LiveChat.CHAT)).in(LiveChat.CHAT, LiveChat.WAITING, place, null);
    // Already waiting ("no thanks" to a message): the same wait goes on, so no new status,
    // which would start the wait again and repeat the offer of a message.
    boolean stillWaiting = open.isPresent() && LiveChat.CHAT.equals(open.get().mode())
        && LiveChat.WAITING.equals(open.get().chatStatus());
    return new Step(said(text, h, end), tapped, endable, referral,
        new LiveTurn(LiveChat.CHAT, LiveChat.WAITING, null, stillWaiting ? List.of()
            : List.of(ChatEvent.status(LiveChat.CHAT, LiveChat.WAITING, place))));
  }

  /**
   * The person left the chat, waiting or with a nurse: they talk to the bot again, the nurses
   * see that they have left, and the entry stays in the queue for a nurse to close. A tap on
   * an old "End chat" outside a chat changes nothing.
   */
  private Step leaveChat(Content content, Optional<OpenHandoff> open,
      ConversationState before, Instant now) {
    HelplineFacts facts = content.helpline();
    String text = content.handoff().chat().left().replace("{phone}", facts.phone())
        .replace("{hours}", facts.hoursText());
    ConversationState state = new ConversationState(before.topic(), 0,
        before.handoffOffered(), now, List.of());
    String tapped = TAPPED + LiveChat.END_PAYLOAD;
    if (open.isEmpty() || !open.get().inChat()) {
      return new Step(said(text, handoff(content, now), List.of()), tapped, state,
          Optional.empty(), LiveTurn.NONE);
    }
    return new Step(said(text, handoff(content, now).in(LiveChat.CHAT, LiveChat.LEFT, null,
        null), List.of()), tapped, state, Optional.empty(), new LiveTurn(LiveChat.CHAT,
            LiveChat.LEFT, null, List.of(ChatEvent.status(LiveChat.CHAT, LiveChat.LEFT, null))));
  }

  /**
   * The person asked to leave a message: before anything is kept, they are told what is kept,
   * for how long, and when a nurse will reply, and asked whether that is all right.
   */
  private Step askConsent(Content content, String channel, ConversationState before,
      Instant now) {
    HandoffTexts.MessageTexts texts = content.handoff().chat().message();
    String tapped = TAPPED + LiveChat.MESSAGE_PAYLOAD;
    Optional<Instant> replyBy = messageReplyBy(content, channel, now);
    if (replyBy.isEmpty()) {
      return declined(content, before, now);
    }
    // The web chat keeps the conversation in the browser; an app keeps how to reach them.
    String consent = ChatMessage.WEB.equals(channel) ? texts.consent() : texts.consentApp();
    String text = consent.replace("{reply_by}", describe(content, replyBy.get()))
        .replace("{retention}", retention());
    ChatReply.Handoff h = handoff(content, now).withModes(List.of(LiveChat.PHONE,
        LiveChat.MESSAGE));
    return new Step(said(text, h, List.of(
        new ChatReply.Choice(texts.yes(), LiveChat.MESSAGE_YES_PAYLOAD),
        new ChatReply.Choice(texts.no(), LiveChat.MESSAGE_NO_PAYLOAD))), tapped,
        new ConversationState(before.topic(), 0, before.handoffOffered(), now,
            List.of(LiveChat.MESSAGE_YES_PAYLOAD, LiveChat.MESSAGE_NO_PAYLOAD)),
        Optional.empty(), LiveTurn.NONE);
  }

  /** They agreed: their next message is the one for the nurses. */
  private Step startWriting(Content content, Optional<OpenHandoff> open,
      ConversationState before, Instant now) {
    HandoffTexts.MessageTexts texts = content.handoff().chat().message();
    ChatReply.Handoff h = handoff(content, now).withModes(List.of(LiveChat.PHONE,
        LiveChat.MESSAGE)).in(LiveChat.MESSAGE, LiveChat.WRITING, null, null);
    return new Step(said(texts.write(), h, List.of()), TAPPED + LiveChat.MESSAGE_YES_PAYLOAD,
        withNurses(before, now), open.isPresent() ? Optional.empty()
            : Optional.of(asked("left a message for the nurses")),
        new LiveTurn(LiveChat.MESSAGE, LiveChat.WRITING, null, List.of()));
  }

  /** They said no: nothing more is kept as a message. */
  private Step declined(Content content, ConversationState before, Instant now) {
    HelplineFacts facts = content.helpline();
    String text = content.handoff().chat().message().declined()
        .replace("{phone}", facts.phone()).replace("{hours}", facts.hoursText());
    return new Step(said(text, handoff(content, now), List.of()),
        TAPPED + LiveChat.MESSAGE_NO_PAYLOAD, new ConversationState(before.topic(), 0,
            before.handoffOffered(), now, List.of()), Optional.empty(), LiveTurn.NONE);
  }

  /**
   * What they wrote is the message: it joins the queue with an honest reply-by time. One the
   * safety screen escalates is the message too, and its guidance is the reply, at once: the
   * nurses get it with an alert, and can answer it.
   */
  private Step leave(Content content, String channel, BotTurn turn, ConversationState before,
      Instant now) {
    HandoffTexts.MessageTexts texts = content.handoff().chat().message();
    Optional<Instant> replyBy = messageReplyBy(content, channel, now);
    ChatReply bot = ChatReply.of(turn.turn());
    if (replyBy.isEmpty()) {
      return bot.escalation() != null ? new Step(bot, turn.transcriptText(),
          withNurses(before, now), turn.turn().referral(), LiveTurn.NONE)
          : declined(content, before, now);
    }
    ChatReply.Handoff h = handoff(content, now).withModes(List.of(LiveChat.PHONE,
        LiveChat.MESSAGE)).in(LiveChat.MESSAGE, LiveChat.WAITING, null, replyBy.get());
    List<ChatEvent.Draft> events = new ArrayList<>();
    events.add(ChatEvent.message(ChatEvent.PERSON, turn.transcriptText(), now, null));
    if (bot.escalation() != null) {
      events.addAll(guidance(bot, now));
      events.add(ChatEvent.status(LiveChat.MESSAGE, LiveChat.WAITING, null));
      return new Step(bot.with(h, List.of()), turn.transcriptText(), withNurses(before, now),
          turn.turn().referral(), new LiveTurn(LiveChat.MESSAGE, LiveChat.WAITING,
              replyBy.get(), events));
    }
    events.add(ChatEvent.status(LiveChat.MESSAGE, LiveChat.WAITING, null));
    String text = texts.queued().replace("{reply_by}", describe(content, replyBy.get()));
    return new Step(said(text, h, List.of()), turn.transcriptText(), withNurses(before, now),
        Optional.empty(), new LiveTurn(LiveChat.MESSAGE, LiveChat.WAITING, replyBy.get(),
            events));
  }

  /** The bot's emergency guidance, as the chat shows it, and the nurses' alert. */
  private static List<ChatEvent.Draft> guidance(ChatReply bot, Instant now) {
    List<ChatEvent.Draft> events = new ArrayList<>();
    bot.replies().forEach(m -> events.add(ChatEvent.message(ChatEvent.BOT, m.text(), now,
        null)));
    events.add(ChatEvent.alert(bot.escalation().type(), "The person's message fired the"
        + " safety screen; they were shown the " + bot.escalation().type().replace('_', ' ')
        + " guidance.", now));
    return events;
  }

  private static HandoffRecord asked(String summary) {
    return new HandoffRecord(HandoffReason.ASKED_FOR_NURSE, Urgency.ROUTINE, summary);
  }

  private static ConversationState withNurses(ConversationState before, Instant now) {
    return new ConversationState(before.topic(), 0, true, now, List.of());
  }

  private static ChatReply said(String text, ChatReply.Handoff h, List<ChatReply.Choice> c) {
    return new ChatReply("handoff", null, null, List.of(new ChatReply.Message(text, List.of())),
        c, h, null, null, null);
  }

  private static String describe(Content content, Instant replyBy) {
    return new ReplyBy(content.helpline()).describe(replyBy);
  }

  /** How long a message is kept, in words ("30 days"). */
  private String retention() {
    long days = kept.toDays();
    if (days >= 1 && kept.equals(Duration.ofDays(days))) {
      return days == 1 ? "1 day" : days + " days";
    }
    long hours = Math.max(1, kept.toHours());
    return hours == 1 ? "1 hour" : hours + " hours";
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
