package org.helpline.dialog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.helpline.content.Bubble;
import org.helpline.content.ContextAnswer;
import org.helpline.content.Content;
import org.helpline.content.Dialog;
import org.helpline.content.DialogAction;
import org.helpline.content.HandoffTexts;
import org.helpline.content.HelplineFacts;
import org.helpline.content.Link;
import org.helpline.content.RouteRule;
import org.helpline.handoff.HandoffReason;
import org.helpline.handoff.HandoffRecord;
import org.helpline.handoff.HandoffSummary;
import org.helpline.handoff.HelplineHours;
import org.helpline.handoff.Urgency;
import org.helpline.nlu.Classification;
import org.helpline.nlu.IntentScore;
import org.helpline.nlu.TextNormaliser;
import org.helpline.safety.Escalation;
import org.helpline.safety.Route;

/**
 * Decides one action per turn from the state, the safety screen's verdict and the
 * classifier's ranking: escalate, answer, clarify, fall back or hand off. Pure: no I/O, no
 * framework types, time arrives in the {@link UserTurn}. It never throws for user input; only
 * content can be broken, and content is validated before an engine is built.
 */
public final class DialogEngine {

  /** Quick-reply payload of the "something else" button under a clarifying question. */
  public static final String SOMETHING_ELSE = Content.FALLBACK;

  private final Content content;
  private final NluThresholds thresholds;
  private final int maxMisunderstandings;
  private final HelplineHours hours;
  private final List<Mention> mentions;
  private final Set<String> routeDialogs;

  /**
   * @param maxMisunderstandings fallbacks or clarifications in a row after which the bot hands
   *     off to the nurses
   */
  public DialogEngine(Content content, NluThresholds thresholds, int maxMisunderstandings) {
    this.content = content;
    this.thresholds = thresholds;
    this.maxMisunderstandings = maxMisunderstandings;
    this.hours = new HelplineHours(content.helpline());
    TextNormaliser normaliser = new TextNormaliser(content.spelling());
    List<Mention> list = new ArrayList<>();
    content.dialogs().values().stream().sorted(Comparator.comparing(Dialog::id)).forEach(d ->
        d.mentions().forEach(m -> list.add(new Mention(d, " " + normaliser.normalise(m) + " "))));
    list.sort(Comparator.comparingInt((Mention m) -> m.words().length()).reversed());
    this.mentions = List.copyOf(list);
    this.routeDialogs = content.routes().rules().stream().map(RouteRule::dialog)
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * The decision for one turn. While the nurses have the conversation (the state says a
   * handoff is open), emergencies still escalate exactly as always; every other reply starts
   * by saying the conversation is with the nurses, with their number and hours, and asking
   * for a nurse again repeats that rather than handing off a second time.
   *
   * <p>The turn also decides what the nurses' queue gets ({@link Turn#referral()}): every
   * handoff of a conversation the nurses do not have yet, and every escalation (which joins
   * the entry they have, raising its urgency). Either way the queue has the conversation
   * afterwards, and the new state says so.
   */
  public Turn respond(ConversationState state, UserTurn turn) {
    ConversationState now = state.at(turn.now());
    Turn decided = decide(now, turn);
    if (now.handoffOffered() && decided.action() != DialogAction.ESCALATE
        && decided.action() != DialogAction.HANDOFF) {
      List<Bubble> replies = new ArrayList<>();
      replies.add(passedOn(now));
      replies.addAll(decided.replies());
      decided = decided.saying(replies);
    }
    Optional<HandoffRecord> referral = referral(now, turn, decided);
    ConversationState after = decided.state().after(
        decided.quickReplies().stream().map(QuickReply::payload).toList(),
        decided.state().handoffOffered() || referral.isPresent());
    return decided.completed(after, referral);
  }

  /** The entry for the nurses' queue a decision gives, with its summary. */
  private static Optional<HandoffRecord> referral(ConversationState before, UserTurn turn,
      Turn decided) {
    HandoffReason reason;
    Urgency urgency;
    if (decided.escalation().isPresent()) {
      reason = decided.escalation().get().reason();
      urgency = Urgency.EMERGENCY;
    } else if (decided.referral().isPresent() && !before.handoffOffered()) {
      // The handoff step named the reason and urgency; the summary is added here.
      reason = decided.referral().get().reason();
      urgency = decided.referral().get().urgency();
    } else {
      return Optional.empty();
    }
    Optional<EscalationDecision> escalated = decided.escalation();
    Optional<Escalation> screened = turn.safety().escalation();
    IntentScore top = turn.nlu().top();
    Optional<String> answered = decided.dialog().map(Dialog::id);
    String route = escalated.isPresent() ? null : turn.safety().routes().stream()
        .filter(r -> answered.equals(Optional.of(r.dialog()))).findFirst()
        .map(Route::rule).orElse(null);
    HandoffSummary summary = new HandoffSummary(
        escalated.map(EscalationDecision::type).or(() -> screened.map(Escalation::type)),
        escalated.map(EscalationDecision::trigger).orElseGet(
            () -> screened.map(Escalation::rule).orElse(null)),
        before.topic(), top.intent(), top.confidence(), before.misunderstandings(), route);
    return Optional.of(new HandoffRecord(reason, urgency, summary.text()));
  }

  /** The notice that the nurses have the conversation, with their number and hours. */
  private Bubble passedOn(ConversationState state) {
    HelplineFacts facts = content.helpline();
    String text = content.handoff().passedOn().replace("{phone}", facts.phone())
        .replace("{hours}", facts.hoursText());
    return new Bubble(text, callLink().map(List::of).orElse(List.of()));
  }

  /** The link that calls the helpline, when the content gives its tel: address. */
  private Optional<Link> callLink() {
    HelplineFacts facts = content.helpline();
    return facts.phoneUri() == null ? Optional.empty() : Optional.of(new Link(
        content.handoff().callLink().replace("{phone}", facts.phone()), facts.phoneUri()));
  }

  private Turn decide(ConversationState now, UserTurn turn) {
    Optional<Escalation> screened = turn.safety().escalation();
    if (screened.isPresent()) {
      Escalation e = screened.get();
      return escalate(now, dialog(e.dialog()), e.rule(), e.type(), 1.0);
    }
    // The bot reads only the top two intents and the few above the safety net's floor, so the
    // full ranking is sorted only when the person denied an emergency ("I'm not suicidal").
    Classification nlu = turn.nlu();
    List<IntentScore> ranking = turn.safety().negatedTypes().isEmpty() ? null
        : withoutNegatedEscalations(turn);
    List<IntentScore> alarming = ranking != null ? ranking
        : nlu.atLeast(thresholds.safetyNetConfidence());
    Optional<IntentScore> net = alarming.stream()
        .filter(s -> s.confidence() >= thresholds.safetyNetConfidence())
        .filter(s -> dialogOf(s.intent()).map(d -> d.action() == DialogAction.ESCALATE)
            .orElse(false))
        .findFirst();
    if (net.isPresent()) {
      return escalate(now, dialog(net.get().intent()), "classifier", net.get().intent(),
          net.get().confidence());
    }
    if (turn.quickReply()) {
      String payload = nlu.top().intent();
      return SOMETHING_ELSE.equals(payload)
          ? fallback(now, dialog(Content.FALLBACK), null, 0.0, false)
          : act(now, payload, 1.0, nlu.text());
    }
    IntentScore top = ranking != null ? scoreAt(ranking, 0) : nlu.top();
    IntentScore second = ranking != null ? scoreAt(ranking, 1) : nlu.second();
    if (top.intent().isEmpty()) {
      top = new IntentScore(Content.OUT_OF_SCOPE, 0.0);
    }
    Optional<Route> first = turn.safety().firstRoute();
    if (first.isPresent()) {
      // A possible symptom is never answered with content, however sure the classifier is.
      return route(now, first.get(), top.confidence());
    }
    double margin = top.confidence() - second.confidence();
    boolean sure = top.confidence() >= thresholds.minConfidence()
        && margin >= thresholds.minMargin();
    if (sure && !isFallback(top.intent())) {
      return act(now, top.intent(), top.confidence(), turn.nlu().text());
    }
    Optional<Route> any = turn.safety().anyRoute();
    Optional<Route> unsure = turn.safety().unsureRoute();
    if (!sure && unsure.isPresent()) {
      // Feelings or prognosis: a frightened person is not asked to choose a topic.
      return route(now, unsure.get(), top.confidence());
    }
    if (!sure && canClarify(top, second)) {
      // Between a route and a topic, the route: the nurses can answer either, and a person
      // who may be frightened is not asked to choose.
      Optional<IntentScore> routed = Stream.of(top, second)
          .filter(s -> routeDialogs.contains(s.intent())).findFirst();
      if (routed.isPresent()) {
        return act(now, routed.get().intent(), routed.get().confidence(), nlu.text());
      }
      return clarify(now, top, second);
    }
    if (any.isPresent()) {
      // About cancer but not covered: the nurses, never "I can't help".
      return route(now, any.get(), top.confidence());
    }
    if (sure) {
      return act(now, top.intent(), top.confidence(), turn.nlu().text());
    }
    return fallback(now, dialog(Content.FALLBACK), null, top.confidence(), true);
  }

  /** Whether an intent's dialog is a fallback (out of scope): routes come before it. */
  private boolean isFallback(String intent) {
    return dialogOf(intent).map(d -> d.action() == DialogAction.FALLBACK).orElse(true);
  }

  /** Takes a route: its handoff dialog, with the reason and urgency the dialog names. */
  private Turn route(ConversationState state, Route route, double confidence) {
    Dialog target = dialog(route.dialog());
    return handoff(state, target, target.replies(),
        HandoffReason.of(target.handoff().reason()).orElseThrow(),
        Urgency.of(target.handoff().urgency()).orElseThrow(), target.id(), confidence);
  }

  private List<IntentScore> withoutNegatedEscalations(UserTurn turn) {
    List<IntentScore> ranking = new ArrayList<>(turn.nlu().ranking());
    ranking.removeIf(s -> dialogOf(s.intent())
        .map(d -> d.action() == DialogAction.ESCALATE && d.escalation() != null
            && turn.safety().negatedTypes().contains(d.escalation().type()))
        .orElse(false));
    return ranking;
  }

  private static IntentScore scoreAt(List<IntentScore> ranking, int i) {
    return i < ranking.size() ? ranking.get(i) : new IntentScore("", 0.0);
  }

  private boolean canClarify(IntentScore top, IntentScore second) {
    return top.confidence() >= thresholds.clarifyFloor()
        && second.confidence() >= thresholds.clarifyFloor()
        && isClarifiable(top.intent()) && isClarifiable(second.intent());
  }

  private boolean isClarifiable(String intent) {
    return dialogOf(intent).map(d -> d.action() == DialogAction.ANSWER
        || d.action() == DialogAction.HANDOFF).orElse(false);
  }

  /** Acts on a recognised intent, resolving follow-ups against the topic. */
  private Turn act(ConversationState state, String intent, double confidence, String text) {
    Dialog target = dialogOf(intent).orElse(null);
    if (target == null) {
      return fallback(state, dialog(Content.FALLBACK), null, confidence, true);
    }
    switch (target.action()) {
      case ESCALATE:
        return escalate(state, target, "classifier", intent, confidence);
      case HANDOFF:
        return handoff(state, target, target.replies(),
            HandoffReason.of(target.handoff().reason()).orElseThrow(),
            Urgency.of(target.handoff().urgency()).orElseThrow(), intent, confidence);
      case FALLBACK:
      case CLARIFY:
        return fallback(state, target, intent, confidence, true);
      default:
        break;
    }
    Optional<Dialog> context = topicFor(state, text, intent);
    if (context.isPresent()) {
      ContextAnswer answer = context.get().inContextFor(intent).orElseThrow();
      return new Turn(DialogAction.ANSWER, intent, confidence, answer.replies(),
          quickReplies(context.get().followUps(), intent), Optional.empty(), Optional.empty(),
          context, new ConversationState(context.get().id(), 0, state.handoffOffered(),
          state.lastActivity()));
    }
    String topic = target.inContext().isEmpty() && target.mentions().isEmpty() ? state.topic()
        : target.id();
    return new Turn(DialogAction.ANSWER, intent, confidence, target.replies(),
        quickReplies(target.followUps(), intent), Optional.empty(), Optional.empty(),
        Optional.of(target), new ConversationState(topic, 0, state.handoffOffered(),
        state.lastActivity()));
  }

  /**
   * The dialog whose topic-specific answer fits this follow-up: a topic the message names, or
   * else the conversation's current topic, provided it has an answer for the intent.
   */
  private Optional<Dialog> topicFor(ConversationState state, String text, String intent) {
    Optional<Dialog> named = mentionedTopic(text);
    Optional<Dialog> topic = named.isPresent() ? named
        : Optional.ofNullable(state.topic()).flatMap(this::dialogOf);
    return topic.filter(d -> !d.id().equals(intent) && d.inContextFor(intent).isPresent());
  }

  /** The topic the message names, longest mention first. */
  private Optional<Dialog> mentionedTopic(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    String padded = " " + text + " ";
    return mentions.stream().filter(m -> padded.contains(m.words())).findFirst()
        .map(Mention::dialog);
  }

  private Turn clarify(ConversationState state, IntentScore top, IntentScore second) {
    Dialog first = dialog(top.intent());
    Dialog other = dialog(second.intent());
    String question = content.clarify().question()
        .replace("{first}", first.title()).replace("{second}", other.title());
    List<QuickReply> options = List.of(new QuickReply(first.title(), first.id()),
        new QuickReply(other.title(), other.id()),
        new QuickReply(content.clarify().noneOfThese(), SOMETHING_ELSE));
    int count = state.misunderstandings() + 1;
    if (count >= maxMisunderstandings) {
      return repeatedMisunderstanding(state, top.confidence());
    }
    return new Turn(DialogAction.CLARIFY, top.intent(), top.confidence(),
        List.of(new Bubble(question)), options, Optional.empty(), Optional.empty(),
        Optional.empty(), new ConversationState(state.topic(), count, state.handoffOffered(),
        state.lastActivity()));
  }

  private Turn fallback(ConversationState state, Dialog dialog, String intent, double confidence,
      boolean counts) {
    int count = counts ? state.misunderstandings() + 1 : state.misunderstandings();
    if (count >= maxMisunderstandings) {
      return repeatedMisunderstanding(state, confidence);
    }
    return new Turn(DialogAction.FALLBACK, intent, confidence, dialog.replies(),
        quickReplies(dialog.followUps(), null), Optional.empty(), Optional.empty(),
        Optional.of(dialog), new ConversationState(state.topic(), count, state.handoffOffered(),
        state.lastActivity()));
  }

  private Turn repeatedMisunderstanding(ConversationState state, double confidence) {
    Dialog nurse = dialog(Content.FALLBACK);
    List<Bubble> said = List.of(new Bubble(content.handoff().repeatedMisunderstanding()));
    return handoff(state, nurse, said, HandoffReason.REPEATED_MISUNDERSTANDING, Urgency.ROUTINE,
        null, confidence);
  }

  private Turn handoff(ConversationState state, Dialog dialog, List<Bubble> said,
      HandoffReason reason, Urgency urgency, String intent, double confidence) {
    HelplineFacts facts = content.helpline();
    HandoffTexts texts = content.handoff();
    boolean open = hours.isOpen(state.lastActivity());
    String nextOpen = open ? null : hours.describeNextOpening(state.lastActivity());
    String template = open ? texts.openNow() : texts.closedNow();
    String details = template.replace("{phone}", facts.phone())
        .replace("{hours}", facts.hoursText())
        .replace("{next_open}", nextOpen == null ? "" : nextOpen);
    List<Link> links = new ArrayList<>(callLink().stream().toList());
    if (!open && facts.contactForm() != null) {
      links.add(facts.contactForm());
    }
    List<Bubble> replies = new ArrayList<>(said);
    if (state.handoffOffered()) {
      // The nurses already have this conversation: say so instead of passing it on again.
      replies.add(passedOn(state));
      if (!open) {
        replies.add(new Bubble(details, links));
      }
    } else {
      replies.add(new Bubble(details, links));
    }
    if (!open) {
      replies.add(new Bubble(String.join(" ", facts.outOfHours())));
    }
    HandoffDecision decision = new HandoffDecision(reason.id(), urgency.id(), facts.phone(),
        open, facts.hoursText(), nextOpen, facts.outOfHours());
    return new Turn(DialogAction.HANDOFF, intent, confidence, replies,
        quickReplies(dialog.followUps(), intent), Optional.of(decision), Optional.empty(),
        Optional.of(dialog), new ConversationState(state.topic(), 0, state.handoffOffered(),
        state.lastActivity()), Optional.of(new HandoffRecord(reason, urgency, null)));
  }

  private Turn escalate(ConversationState state, Dialog dialog, String trigger, String intent,
      double confidence) {
    EscalationDecision decision = new EscalationDecision(dialog.escalation().type(),
        dialog.escalation().numbers(), trigger,
        HandoffReason.forEscalation(dialog.escalation().type(), dialog.escalation().reason()));
    return new Turn(DialogAction.ESCALATE, intent, confidence, dialog.replies(),
        quickReplies(dialog.followUps(), intent), Optional.empty(), Optional.of(decision),
        Optional.of(dialog), new ConversationState(state.topic(), 0, state.handoffOffered(),
        state.lastActivity()));
  }

  public NluThresholds thresholds() {
    return thresholds;
  }

  private List<QuickReply> quickReplies(List<String> intents, String current) {
    List<QuickReply> out = new ArrayList<>();
    for (String id : intents) {
      if (!id.equals(current)) {
        dialogOf(id).ifPresent(d -> out.add(new QuickReply(d.title(), d.id())));
      }
    }
    return out;
  }

  private Optional<Dialog> dialogOf(String id) {
    return id == null ? Optional.empty() : content.dialog(id);
  }

  /** A dialog that validated content guarantees to exist. */
  private Dialog dialog(String id) {
    return dialogOf(id).orElseThrow(() -> new IllegalStateException("no dialog " + id));
  }

  /** A dialog and one of its mentions, normalised and padded with spaces. */
  private record Mention(Dialog dialog, String words) {
  }
}
