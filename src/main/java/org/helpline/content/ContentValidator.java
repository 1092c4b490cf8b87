package org.helpline.content;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.helpline.handoff.HandoffReason;
import org.helpline.handoff.Term;
import org.helpline.handoff.Urgency;
import org.helpline.nlu.TextNormaliser;

/**
 * Checks a whole content set and returns every problem, each with file and line. Runs at
 * start-up (through {@link ContentLoader}) and in {@code ContentValidationTest}.
 */
public final class ContentValidator {

  /** Ids of intents, dialogs and rules. */
  public static final Pattern ID = Pattern.compile("^[a-z][a-z0-9_]{1,48}$");
  /** Escalation types the chat contract knows. */
  public static final Set<String> ESCALATION_TYPES = Set.of("medical_emergency", "self_harm");
  /** System dialogs (in {@code dialogs/_system/}) the engine needs, besides the special files. */
  public static final List<String> REQUIRED_SYSTEM_DIALOGS = List.of("fallback", "treatment_fever");

  /** What a text without a {@code reviewed:} date is: a valid draft that runs. */
  public static final String AWAITING_REVIEW = "awaiting clinical review";

  /** How long a clinician's review stays current unless configured otherwise. */
  public static final Duration DEFAULT_REVIEW_MAX_AGE = Duration.ofDays(365);

  private final int minExamples;
  private final int maxTextLength;
  private final Duration reviewMaxAge;
  private final Clock clock;
  /** Lines of the evaluation sets no training example may nearly duplicate; often none. */
  private final List<NearDuplicates.EvaluationLine> evaluation;

  /**
   * @param minExamples fewest training examples an intent may have
   * @param maxTextLength longest text one chat bubble may have
   */
  public ContentValidator(int minExamples, int maxTextLength) {
    this(minExamples, maxTextLength, DEFAULT_REVIEW_MAX_AGE, Clock.systemUTC());
  }

  /**
   * @param minExamples fewest training examples an intent may have
   * @param maxTextLength longest text one chat bubble may have
   * @param reviewMaxAge a review older than this makes the text due for review
   * @param clock today's date, for the review check
   */
  public ContentValidator(int minExamples, int maxTextLength, Duration reviewMaxAge,
      Clock clock) {
    this(minExamples, maxTextLength, reviewMaxAge, clock, List.of());
  }

  private ContentValidator(int minExamples, int maxTextLength, Duration reviewMaxAge,
      Clock clock, List<NearDuplicates.EvaluationLine> evaluation) {
    this.minExamples = minExamples;
    this.maxTextLength = maxTextLength;
    this.reviewMaxAge = reviewMaxAge;
    this.clock = clock;
    this.evaluation = List.copyOf(evaluation);
  }

  /**
   * This validator, also refusing every training example that nearly duplicates one of these
   * evaluation lines ({@link NearDuplicates}). The evaluation sets are test resources, so the
   * caller reads them ({@link NearDuplicates#readFolder}); the running server, which has no
   * blind test set, does not.
   */
  public ContentValidator withEvaluationLines(List<NearDuplicates.EvaluationLine> lines) {
    return new ContentValidator(minExamples, maxTextLength, reviewMaxAge, clock, lines);
  }

  /**
   * Texts whose clinical review is older than the configured maximum age, each with the file
   * and the line of its {@code reviewed:} date. These are warnings: the content still runs.
   */
  public List<ContentProblem> dueForReview(Content content, Map<String, String> raw) {
    Check check = new Check(raw);
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate oldest = today.minusDays(reviewMaxAge.toDays());
    reviewDates(content).forEach((file, reviewed) -> {
      if (reviewed != null && reviewed.isBefore(oldest)) {
        check.add(file, check.line(file, "reviewed:"), "last reviewed on " + reviewed
            + ", more than " + reviewMaxAge.toDays() + " days ago: due for clinical review");
      }
    });
    return check.problems;
  }

  /**
   * Texts no clinician has reviewed yet: those without a {@code reviewed:} date, one warning
   * per file. Draft content is valid and runs; every answer from it says it is awaiting
   * clinical review, and only a real review adds the date.
   */
  public List<ContentProblem> awaitingReview(Content content, Map<String, String> raw) {
    Check check = new Check(raw);
    reviewDates(content).forEach((file, reviewed) -> {
      if (reviewed == null) {
        check.add(file, 1, AWAITING_REVIEW + ": no clinician has reviewed this text yet"
            + " (it has no 'reviewed:' date)");
      }
    });
    return check.problems;
  }

  /** Every text a clinician reviews, by file, with its review date or null (none yet). */
  private static Map<String, LocalDate> reviewDates(Content content) {
    Map<String, LocalDate> dates = new TreeMap<>();
    content.dialogs().forEach((name, d) -> dates.put("dialogs/" + name + ".yml", d.reviewed()));
    content.systemDialogs().forEach((name, d) -> dates.put(ContentLoader.SYSTEM + name + ".yml",
        d.reviewed()));
    if (content.clarify() != null) {
      dates.put(ContentLoader.SYSTEM + "clarify.yml", content.clarify().reviewed());
    }
    if (content.handoff() != null) {
      dates.put(ContentLoader.SYSTEM + "handoff.yml", content.handoff().reviewed());
    }
    return dates;
  }

  /** Every problem in the content; empty when it is fit to run. */
  public List<ContentProblem> validate(Content content, Map<String, String> raw) {
    Check check = new Check(raw);
    TextNormaliser normaliser = new TextNormaliser(content.spelling());
    checkIntents(content, normaliser, check);
    checkEvaluationOverlap(content, normaliser, check);
    content.dialogs().forEach((name, dialog) -> checkDialog(content, name, "dialogs/" + name
        + ".yml", dialog, check));
    content.systemDialogs().forEach((name, dialog) -> checkDialog(content, name,
        ContentLoader.SYSTEM + name + ".yml", dialog, check));
    for (String id : content.intents().keySet()) {
      if (!content.dialogs().containsKey(id)) {
        check.add("intents/" + id + ".txt", 1, "intent '" + id
            + "' has no dialog: add dialogs/" + id + ".yml");
      }
    }
    for (String id : content.dialogs().keySet()) {
      if (!content.intents().containsKey(id)) {
        check.add("dialogs/" + id + ".yml", 1, "dialog '" + id
            + "' has no intent: add intents/" + id + ".txt");
      }
    }
    for (String id : REQUIRED_SYSTEM_DIALOGS) {
      if (!content.systemDialogs().containsKey(id)) {
        check.add(ContentLoader.SYSTEM + id + ".yml", 0, "required system dialog is missing");
      }
    }
    checkClarify(content.clarify(), check);
    checkHandoff(content.handoff(), check);
    checkNotices(content.notices(), check);
    checkHelpline(content.helpline(), check);
    checkSafety(content, normaliser, check);
    checkRoutes(content, normaliser, check);
    return check.problems;
  }

  private void checkIntents(Content content, TextNormaliser normaliser, Check check) {
    Map<String, Example> seen = new HashMap<>();
    content.intents().forEach((id, examples) -> {
      String file = "intents/" + id + ".txt";
      if (!ID.matcher(id).matches()) {
        check.add(file, 1, "intent id '" + id + "' must match " + ID.pattern());
      }
      if (examples.size() < minExamples) {
        check.add(file, 1, "intent '" + id + "' has " + examples.size()
            + " examples; at least " + minExamples + " are needed");
      }
      for (Example example : examples) {
        String key = normaliser.normalise(example.text());
        if (key.isEmpty()) {
          check.add(file, example.line(), "example has no words: '" + example.text() + "'");
          continue;
        }
        // Spelling variants of one example under the same intent are harmless (they
        // normalise to the same words); the same example under two intents is a contradiction.
        Example first = seen.putIfAbsent(key, example);
        if (first != null && !first.intent().equals(id)) {
          check.add(file, example.line(), "example '" + example.text() + "' is also under '"
              + first.intent() + "' (" + first.file() + ":" + first.line() + ")");
        }
      }
    });
  }

  private void checkEvaluationOverlap(Content content, TextNormaliser normaliser, Check check) {
    if (evaluation.isEmpty()) {
      return;
    }
    for (NearDuplicates.Match m : new NearDuplicates(normaliser, evaluation)
        .in(content.examples())) {
      // The evaluation line is named by place only: it may belong to the blind test set.
      check.add(m.example().file(), m.example().line(), "training example '"
          + m.example().text() + "' nearly duplicates the evaluation line " + m.line() + " ("
          + m.why() + "); remove or rewrite the training example, never the evaluation line");
    }
  }

  private void checkDialog(Content content, String name, String file, Dialog d, Check check) {
    if (!name.equals(d.id())) {
      check.add(file, check.line(file, "id:"), "id '" + d.id() + "' must equal the file name '"
          + name + "'");
    }
    if (isBlank(d.title())) {
      check.add(file, 1, "title is missing");
    } else if (d.title().length() > 25) {
      check.add(file, check.line(file, "title:"), "title is longer than 25 characters");
    }
    if (d.replies().isEmpty()) {
      check.add(file, 1, "replies are missing");
    }
    checkBubbles(file, d.replies(), check);
    for (String followUp : d.followUps()) {
      if (!content.intents().containsKey(followUp)) {
        check.add(file, check.line(file, followUp), "follow-up '" + followUp
            + "' is not a known intent");
      } else if (followUp.equals(d.id())) {
        check.add(file, check.line(file, "followUps"), "a dialog cannot follow up with itself");
      }
    }
    for (ContextAnswer answer : d.inContext()) {
      if (answer.intents().isEmpty() || answer.replies().isEmpty()) {
        check.add(file, check.line(file, "inContext"), "inContext entries need intents and replies");
      }
      for (String intent : answer.intents()) {
        if (!content.intents().containsKey(intent)) {
          check.add(file, check.line(file, intent), "inContext intent '" + intent
              + "' is not a known intent");
        }
      }
      checkBubbles(file, answer.replies(), check);
    }
    checkSource(file, d.source(), check);
    if (d.action() == DialogAction.HANDOFF && (d.handoff() == null || isBlank(d.handoff().reason())
        || isBlank(d.handoff().urgency()))) {
      check.add(file, check.line(file, "action:"),
          "handoff dialogs need 'handoff: {reason: ..., urgency: ...}'");
    } else if (d.handoff() != null) {
      if (HandoffReason.of(d.handoff().reason()).isEmpty()) {
        check.add(file, check.line(file, "reason"), "handoff reason must be one of "
            + Term.ids(HandoffReason.class) + ", not '" + d.handoff().reason() + "'");
      }
      if (Urgency.of(d.handoff().urgency()).isEmpty()) {
        check.add(file, check.line(file, "urgency"), "handoff urgency must be one of "
            + Term.ids(Urgency.class) + ", not '" + d.handoff().urgency() + "'");
      }
    }
    checkTriage(file, d.triage(), check);
    if (d.action() == DialogAction.ESCALATE) {
      EscalationSpec e = d.escalation();
      if (e == null || !ESCALATION_TYPES.contains(e.type()) || e.numbers().isEmpty()) {
        check.add(file, check.line(file, "action:"), "escalate dialogs need 'escalation: {type: "
            + String.join(" | ", ESCALATION_TYPES.stream().sorted().toList())
            + ", numbers: [...]}'");
      } else {
        if (e.reason() != null && HandoffReason.of(e.reason()).isEmpty()) {
          check.add(file, check.line(file, "reason"), "escalation reason must be one of "
              + Term.ids(HandoffReason.class) + ", not '" + e.reason() + "'");
        }
        String all = String.join(" ", d.replies().stream().map(Bubble::text).toList());
        for (String number : e.numbers()) {
          if (!all.contains(number)) {
            check.add(file, check.line(file, "numbers"), "number " + number
                + " must also appear in the reply text");
          }
        }
      }
    }
  }

  /** The optional triage block: a known urgency and at least one short, non-empty next step. */
  private void checkTriage(String file, TriageSpec triage, Check check) {
    if (triage == null) {
      return;
    }
    int line = check.line(file, "triage:");
    if (Urgency.of(triage.urgency()).isEmpty()) {
      check.add(file, line, "triage urgency must be one of " + Term.ids(Urgency.class) + ", not '"
          + triage.urgency() + "'");
    }
    if (triage.nextSteps().isEmpty()) {
      check.add(file, line, "triage needs at least one entry in nextSteps");
    }
    for (String step : triage.nextSteps()) {
      if (isBlank(step)) {
        check.add(file, line, "triage next step is empty");
      } else if (step.length() > maxTextLength) {
        check.add(file, line, "triage next step has " + step.length()
            + " characters; the limit is " + maxTextLength);
      }
    }
  }

  private void checkBubbles(String file, List<Bubble> bubbles, Check check) {
    for (Bubble bubble : bubbles) {
      if (isBlank(bubble.text())) {
        check.add(file, check.line(file, "text:"), "reply text is empty");
      } else if (bubble.text().length() > maxTextLength) {
        check.add(file, check.line(file, bubble.text().substring(0, 20)), "reply text has "
            + bubble.text().length() + " characters; the limit is " + maxTextLength);
      }
      for (Link link : bubble.links()) {
        checkLink(file, link, check);
      }
    }
  }

  private void checkLink(String file, Link link, Check check) {
    if (link == null || isBlank(link.title()) || isBlank(link.url())) {
      check.add(file, check.line(file, "links"), "links need a title and a url");
    } else if (!link.url().startsWith("https://") && !link.url().startsWith("tel:")) {
      check.add(file, check.line(file, link.url()), "link '" + link.url()
          + "' must use https:// (or tel:)");
    }
  }

  private void checkSource(String file, Source source, Check check) {
    if (source == null || isBlank(source.title()) || isBlank(source.url())) {
      check.add(file, 1, "source (title and url) is missing");
    } else if (!source.url().startsWith("https://")) {
      check.add(file, check.line(file, source.url()), "source url must use https://");
    }
  }

  private void checkClarify(ClarifyTexts clarify, Check check) {
    String file = ContentLoader.SYSTEM + "clarify.yml";
    if (missing(file, clarify, check)) {
      return;
    }
    if (isBlank(clarify.question()) || !clarify.question().contains("{first}")
        || !clarify.question().contains("{second}")) {
      check.add(file, check.line(file, "question"),
          "question must contain {first} and {second}");
    }
    if (isBlank(clarify.noneOfThese())) {
      check.add(file, 1, "noneOfThese (the label of the 'neither' button) is missing");
    }
    checkSource(file, clarify.source(), check);
  }

  /** Whether a required system file is missing; says so with its name if it is. */
  private static boolean missing(String file, Object parsed, Check check) {
    if (parsed == null) {
      check.add(file, 0, "required system file is missing");
    }
    return parsed == null;
  }

  private void checkHandoff(HandoffTexts handoff, Check check) {
    String file = ContentLoader.SYSTEM + "handoff.yml";
    if (missing(file, handoff, check)) {
      return;
    }
    for (String text : new String[] {handoff.openNow(), handoff.closedNow()}) {
      if (isBlank(text) || !text.contains("{phone}")) {
        check.add(file, 1, "openNow and closedNow must both give the {phone}");
      }
    }
    if (isBlank(handoff.repeatedMisunderstanding())) {
      check.add(file, 1, "repeatedMisunderstanding is required");
    }
    if (isBlank(handoff.passedOn()) || !handoff.passedOn().contains("{phone}")
        || !handoff.passedOn().contains("{hours}")) {
      check.add(file, check.line(file, "passedOn"),
          "passedOn (said while the nurses have the conversation) must give {phone} and {hours}");
    } else if (handoff.passedOn().length() > maxTextLength) {
      check.add(file, check.line(file, "passedOn"), "passedOn has "
          + handoff.passedOn().length() + " characters; the limit is " + maxTextLength);
    }
    checkChat(file, handoff.chat(), check);
    if (isBlank(handoff.callLink()) || !handoff.callLink().contains("{phone}")) {
      check.add(file, check.line(file, "callLink"),
          "callLink (the title of the link that calls the helpline) must give the {phone}");
    }
    checkSource(file, handoff.source(), check);
  }

  /** Each {name, title} must fit a button on every platform. */
  private static void checkButtons(String file, String prefix, String[][] buttons,
      Check check) {
    for (String[] button : buttons) {
      if (isBlank(button[1]) || button[1].length() > NoticeTexts.MAX_BUTTON_TITLE) {
        check.add(file, check.line(file, button[0] + ":"), prefix + button[0]
            + " must be 1 to " + NoticeTexts.MAX_BUTTON_TITLE + " characters (it is a button)");
      }
    }
  }

  /** The live chat's words: a short button, and the place, number and hours where needed. */
  private void checkChat(String file, HandoffTexts.ChatTexts chat, Check check) {
    if (chat == null) {
      check.add(file, 1, "chat (the words of a live chat with a nurse) is required");
      return;
    }
    checkButtons(file, "chat.", new String[][] {{"offer", chat.offer()}, {"end", chat.end()}},
        check);
    if (isBlank(chat.waiting()) || !chat.waiting().contains("{position}")
        || !chat.waiting().contains("{phone}")) {
      check.add(file, check.line(file, "waiting:"),
          "chat.waiting must give the person's {position} and the {phone}");
    }
    if (isBlank(chat.notOpen()) || !chat.notOpen().contains("{phone}")
        || !chat.notOpen().contains("{hours}")) {
      check.add(file, check.line(file, "notOpen:"),
          "chat.notOpen must give the {phone} and the {hours}");
    }
    checkTexts(file, "chat.", new String[][] {
        {"unclaimed", chat.unclaimed(), "{reply_by}", "999"},
        {"left", chat.left(), "{phone}", "{hours}"},
        {"lineClosed", chat.lineClosed(), "{reply_by}", "999"}}, check);
    HandoffTexts.MessageTexts m = chat.message();
    if (m == null) {
      check.add(file, check.line(file, "chat:"),
          "chat.message (the words of leaving a message for the nurses) is required");
      return;
    }
    checkButtons(file, "chat.message.", new String[][] {{"offer", m.offer()}, {"yes", m.yes()},
        {"no", m.no()}}, check);
    checkTexts(file, "chat.message.", new String[][] {
        {"consent", m.consent(), "{reply_by}", "{retention}"},
        {"consentApp", m.consentApp(), "{reply_by}", "{retention}"},
        {"write", m.write()}, {"queued", m.queued(), "{reply_by}", "999"},
        {"declined", m.declined(), "{phone}", "{hours}"}}, check);
    HandoffTexts.AppTexts app = chat.app();
    if (app == null) {
      check.add(file, check.line(file, "chat:"), "chat.app (what a person in a messaging app"
          + " reads as the chat changes) is required");
      return;
    }
    checkTexts(file, "chat.app.", new String[][] {{"joined", app.joined()},
        {"nurse", app.nurse(), "{text}"}, {"returned", app.returned()},
        {"closed", app.closed(), "{phone}"}}, check);
  }

  /**
   * Texts of at most the text limit, each giving its placeholders: {@code {name, text,
   * placeholder...}} per row.
   */
  private void checkTexts(String file, String prefix, String[][] texts, Check check) {
    for (String[] text : texts) {
      boolean ok = !isBlank(text[1]) && text[1].length() <= maxTextLength;
      for (int i = 2; ok && i < text.length; i++) {
        ok = text[1].contains(text[i]);
      }
      if (!ok) {
        check.add(file, check.line(file, text[0] + ":"), prefix + text[0]
            + " must be 1 to " + maxTextLength + " characters" + (text.length > 2
            ? " and give " + String.join(" and ", Arrays.copyOfRange(text, 2, text.length))
            : ""));
      }
    }
  }

  private void checkNotices(NoticeTexts notices, Check check) {
    String file = ContentLoader.SYSTEM + "notices.yml";
    if (missing(file, notices, check)) {
      return;
    }
    // Notices must give the number and 999; the words around replies the number where they
    // say it; button titles fit the platforms' 20 characters.
    String both = "{phone} and 999";
    String phone = "{phone}";
    int button = NoticeTexts.MAX_BUTTON_TITLE;
    List<TextRule> rules = List.of(
        new TextRule("onlyText", notices.onlyText(), both, maxTextLength),
        new TextRule("unreadable", notices.unreadable(), both, maxTextLength),
        new TextRule("tooFast", notices.tooFast(), both, maxTextLength),
        new TextRule("callNow", notices.callNow(), both, maxTextLength),
        new TextRule("internalError", notices.internalError(), both, maxTextLength),
        new TextRule("numberedChoices", notices.numberedChoices(), "", maxTextLength),
        new TextRule("chooseButton", notices.chooseButton(), "", button),
        new TextRule("chooseNext", notices.chooseNext(), "", maxTextLength),
        new TextRule("callButton", notices.callButton(), "", button),
        new TextRule("callNurses", notices.callNurses(), phone, maxTextLength),
        new TextRule("cutShort", notices.cutShort(), phone, maxTextLength));
    for (TextRule rule : rules) {
      String name = rule.name();
      String text = rule.text();
      String needs = rule.needs();
      int limit = rule.limit();
      int line = check.line(file, name + ":");
      if (isBlank(text)) {
        check.add(file, line, name + " is required");
      } else if (!needs.isEmpty() && (!text.contains("{phone}")
          || needs.contains("999") && !text.contains("999"))) {
        check.add(file, line, name + " must give the helpline " + needs);
      } else if (text.length() > limit) {
        check.add(file, line, name + " has " + text.length() + " characters; the limit is "
            + limit);
      }
    }
  }

  /** A notice text: what it must give ({@code {phone}}, 999) and its length limit. */
  private record TextRule(String name, String text, String needs, int limit) {
  }

  private void checkHelpline(HelplineFacts helpline, Check check) {
    String file = ContentLoader.SYSTEM + "helpline.yml";
    if (missing(file, helpline, check)) {
      return;
    }
    if (isBlank(helpline.phone()) || isBlank(helpline.hoursText())) {
      check.add(file, 1, "phone and hoursText are required");
    }
    try {
      ZoneId.of(helpline.timeZone() == null ? "" : helpline.timeZone());
    } catch (DateTimeException e) {
      check.add(file, check.line(file, "timeZone"), "timeZone '" + helpline.timeZone()
          + "' is not a time zone id such as Europe/London");
    }
    if (helpline.hours().isEmpty()) {
      check.add(file, check.line(file, "hours"), "opening hours are missing");
    }
    for (OpeningHours hours : helpline.hours()) {
      if (hours.days().isEmpty() || hours.opens() == null || hours.closes() == null
          || !hours.opens().isBefore(hours.closes())) {
        check.add(file, check.line(file, "hours"),
            "each opening-hours block needs days and opens before closes");
      }
    }
    if (helpline.contactForm() != null) {
      checkLink(file, helpline.contactForm(), check);
    }
    if (isBlank(helpline.emergency())) {
      check.add(file, 1, "emergency (the emergency number, 999) is required");
    }
    if (helpline.otherNumbers().stream().anyMatch(ContentValidator::isBlank)) {
      check.add(file, check.line(file, "otherNumbers"), "otherNumbers has an empty number");
    }
    if (helpline.outOfHours().isEmpty()) {
      check.add(file, check.line(file, "outOfHours"), "out-of-hours alternatives are missing");
    }
  }

  private void checkSafety(Content content, TextNormaliser normaliser, Check check) {
    String file = ContentLoader.SYSTEM + "safety.yml";
    SafetyRules safety = content.safety();
    if (missing(file, safety, check)) {
      return;
    }
    if (safety.rules().isEmpty()) {
      check.add(file, 1, "there are no safety rules");
    }
    for (SafetyRule rule : safety.rules()) {
      int line = check.line(file, "id: " + rule.id());
      if (rule.id() == null || !ID.matcher(rule.id()).matches()) {
        check.add(file, line, "rule id '" + rule.id() + "' must match " + ID.pattern());
      }
      if (!ESCALATION_TYPES.contains(rule.type())) {
        check.add(file, line, "rule '" + rule.id() + "' has unknown type '" + rule.type() + "'");
      }
      Dialog dialog = content.dialog(rule.dialog() == null ? "" : rule.dialog()).orElse(null);
      if (dialog == null || dialog.action() != DialogAction.ESCALATE) {
        check.add(file, line, "rule '" + rule.id() + "' must name an escalate dialog, not '"
            + rule.dialog() + "'");
      }
      checkWords(file, line, rule.id(), rule.phrases(), rule.all(), normaliser, check);
    }
  }

  /**
   * The routes: each names a handoff dialog, says when it is taken, and has words; the
   * file is optional (without it, unanswered messages get the fallback).
   */
  private void checkRoutes(Content content, TextNormaliser normaliser, Check check) {
    String file = ContentLoader.SYSTEM + "routes.yml";
    for (RouteRule rule : content.routes().rules()) {
      int line = check.line(file, "id: " + rule.id());
      if (rule.id() == null || !ID.matcher(rule.id()).matches()) {
        check.add(file, line, "route id '" + rule.id() + "' must match " + ID.pattern());
      }
      if (!List.of(RouteRule.FIRST, RouteRule.UNSURE, RouteRule.FALLBACK)
          .contains(rule.when())) {
        check.add(file, line, "route '" + rule.id() + "' needs 'when:' " + RouteRule.FIRST
            + ", " + RouteRule.UNSURE + " or " + RouteRule.FALLBACK + ", not '" + rule.when()
            + "'");
      }
      Dialog dialog = content.dialog(rule.dialog() == null ? "" : rule.dialog()).orElse(null);
      if (dialog == null || dialog.action() != DialogAction.HANDOFF) {
        check.add(file, line, "route '" + rule.id() + "' must name a handoff dialog, not '"
            + rule.dialog() + "'");
      }
      checkWords(file, line, rule.id(), rule.phrases(), rule.all(), normaliser, check);
    }
  }

  /** A rule's or route's words: some phrases or groups, none empty, each with a word. */
  private static void checkWords(String file, int line, String id, List<String> phrases,
      List<List<String>> all, TextNormaliser normaliser, Check check) {
    if (phrases.isEmpty() && all.isEmpty()) {
      check.add(file, line, "'" + id + "' needs phrases or all");
    }
    List<String> everyPhrase = new ArrayList<>(phrases);
    all.forEach(group -> {
      if (group.isEmpty()) {
        check.add(file, line, "'" + id + "' has an empty group in all");
      }
      everyPhrase.addAll(group);
    });
    for (String phrase : everyPhrase) {
      if (normaliser.normalise(phrase).isEmpty()) {
        check.add(file, line, "'" + id + "' has a phrase with no words");
      }
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /** Collects problems and finds the line of a text in a file. */
  private static final class Check {
    final List<ContentProblem> problems = new ArrayList<>();
    final Map<String, String> raw;

    Check(Map<String, String> raw) {
      this.raw = raw;
    }

    void add(String file, int line, String message) {
      problems.add(new ContentProblem(file, line, message));
    }

    /** The first line of the file containing the needle, or 1 when it is not found. */
    int line(String file, String needle) {
      String text = raw.get(file);
      if (text == null || needle == null) {
        return 1;
      }
      List<String> lines = text.lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains(needle)) {
          return i + 1;
        }
      }
      return 1;
    }
  }
}
