package org.helpline.safety;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.helpline.content.RouteRule;
import org.helpline.content.RouteRules;
import org.helpline.content.SafetyRule;
import org.helpline.content.SafetyRules;
import org.helpline.nlu.EditDistance;
import org.helpline.nlu.TextNormaliser;

/**
 * Rule-based screen for emergencies and self-harm that runs before, and independently of, the
 * classifier. Rules are content ({@code dialogs/_system/safety.yml}, whose header documents the
 * matching); this class only matches them. It also matches the routes
 * ({@code dialogs/_system/routes.yml}) the same way, and reports every route the message has;
 * the dialog engine decides whether one is taken. It tolerates typos (one edit in longer words),
 * missing apostrophes and an extra word inside a phrase, and ignores a phrase that is negated
 * in its own clause. It is immutable and safe for concurrent use.
 */
public final class SafetyScreen {

  private static final Pattern CLAUSES = Pattern.compile("[.,;:!?\\n\\r()\\[\\]\"\u201c\u201d]+");
  private static final int NEGATION_WINDOW = 3;
  static final int FUZZY_MIN_LENGTH = 6;
  private static final String MEDICAL_EMERGENCY = "medical_emergency";

  private final TextNormaliser normaliser;
  private final Set<String> negations;
  private final Set<String> scopeBreakers;
  private final List<CompiledRule> rules;
  private final List<CompiledRoute> routes;
  private final List<Phrase> calmEmergency;
  private final List<Phrase> calmHypothetical;
  private final List<Phrase> calmAny;
  private final List<Phrase> now;
  private final RuleWords words = new RuleWords();

  /** A screen with no routes. */
  public SafetyScreen(SafetyRules content, TextNormaliser normaliser) {
    this(content, RouteRules.none(), normaliser);
  }

  public SafetyScreen(SafetyRules content, RouteRules routeRules, TextNormaliser normaliser) {
    this.normaliser = normaliser;
    this.negations = Set.copyOf(content.negations());
    this.scopeBreakers = Set.copyOf(content.scopeBreakers());
    List<CompiledRule> compiled = new ArrayList<>();
    for (SafetyRule rule : content.rules()) {
      compiled.add(new CompiledRule(rule, compile(rule.phrases(), rule.all(), rule.unless())));
    }
    this.rules = List.copyOf(compiled);
    this.calmEmergency = compile(content.calm().emergency());
    this.calmHypothetical = compile(content.calm().hypothetical());
    this.calmAny = compile(content.calm().any());
    this.now = compile(content.calm().now());
    List<CompiledRoute> routeList = new ArrayList<>();
    for (RouteRule rule : routeRules.rules()) {
      routeList.add(new CompiledRoute(rule, compile(rule.phrases(), rule.all(),
          rule.unless())));
    }
    this.routes = List.copyOf(routeList);
  }

  /** Screens one raw message. */
  public SafetyResult screen(String text) {
    if (text == null || text.isBlank()) {
      return SafetyResult.clear();
    }
    List<Clause> clauses = new ArrayList<>();
    Map<String, BitSet> seen = new HashMap<>();
    // NFKC first, so full-width and other compatibility punctuation (a full-width comma) ends
    // a clause exactly as its ASCII form does.
    for (String clause : CLAUSES.split(Normalizer.normalize(text, Normalizer.Form.NFKC))) {
      List<String> tokens = normaliser.tokens(clause);
      if (!tokens.isEmpty()) {
        String[] each = tokens.toArray(String[]::new);
        BitSet[] matched = new BitSet[each.length];
        for (int i = 0; i < each.length; i++) {
          matched[i] = seen.computeIfAbsent(each[i], words::matches);
        }
        clauses.add(new Clause(each, matched));
      }
    }
    Set<String> negated = new HashSet<>();
    Escalation fired = null;
    boolean happeningNow = anyMatch(now, clauses);
    boolean calmForAll = !happeningNow && anyMatch(calmAny, clauses);
    boolean hypothetical = !happeningNow && anyMatch(calmHypothetical, clauses);
    boolean past = !happeningNow && anyMatch(calmEmergency, clauses);
    for (CompiledRule rule : rules) {
      String type = rule.rule().type();
      boolean calm = calmForAll || MEDICAL_EMERGENCY.equals(type)
          && (hypothetical || past && rule.rule().calmable());
      if (calm || anyMatch(rule.words().unless(), clauses)) {
        // The person said the calm version ("my temperature is normal"): the rule stays
        // quiet, and so does the classifier's safety net for this type.
        negated.add(type);
        continue;
      }
      String hit = rule.words().match(clauses, negated, type);
      if (hit != null && fired == null) {
        fired = new Escalation(type, rule.rule().id(), rule.rule().dialog(), hit);
      }
    }
    if (fired != null) {
      negated.remove(fired.type());
    }
    List<Route> taken = new ArrayList<>();
    Set<String> routeNegations = new HashSet<>();
    for (CompiledRoute route : routes) {
      if (anyMatch(route.words().unless(), clauses)) {
        continue;
      }
      String hit = route.words().match(clauses, routeNegations, route.rule().id());
      if (hit != null) {
        taken.add(new Route(route.rule().id(), route.rule().dialog(), route.rule().first(),
            route.rule().beforeClarifying(), hit));
      }
    }
    return new SafetyResult(Optional.ofNullable(fired), negated, taken);
  }

  /** The rules' words and their index (for tests). */
  RuleWords words() {
    return words;
  }

  private boolean anyMatch(List<Phrase> phrases, List<Clause> clauses) {
    for (Phrase phrase : phrases) {
      for (Clause clause : clauses) {
        if (phrase.find(clause, 0) >= 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** The first phrase that occurs un-negated; negated occurrences are recorded by type. */
  private Hit firstMatch(List<Phrase> phrases, List<Clause> clauses, Set<String> negated,
      String type) {
    for (Phrase phrase : phrases) {
      for (Clause clause : clauses) {
        int from = 0;
        int start;
        while ((start = phrase.find(clause, from)) >= 0) {
          if (!isNegated(clause, start)) {
            return new Hit(phrase.text());
          }
          negated.add(type);
          from = start + 1;
        }
      }
    }
    return null;
  }

  private boolean isNegated(Clause clause, int start) {
    for (int i = start - 1; i >= 0 && i >= start - NEGATION_WINDOW; i--) {
      if (negations.contains(clause.tokens()[i])) {
        return true;
      }
      if (scopeBreakers.contains(clause.tokens()[i])) {
        return false;
      }
    }
    return false;
  }

  private RuleMatch compile(List<String> phrases, List<List<String>> all,
      List<String> unless) {
    return new RuleMatch(compile(phrases), all.stream().map(this::compile).toList(),
        compile(unless));
  }

  private List<Phrase> compile(List<String> phrases) {
    List<Phrase> out = new ArrayList<>();
    for (String phrase : phrases) {
      List<Integer> ids = new ArrayList<>();
      for (String raw : phrase.trim().split("\\s+")) {
        boolean prefix = raw.endsWith("*");
        List<String> normalised = normaliser.tokens(prefix ? raw.substring(0, raw.length() - 1)
            : raw);
        for (int i = 0; i < normalised.size(); i++) {
          ids.add(words.idOf(normalised.get(i)
              + (prefix && i == normalised.size() - 1 ? "*" : "")));
        }
      }
      if (!ids.isEmpty()) {
        out.add(new Phrase(phrase, ids.stream().mapToInt(Integer::intValue).toArray()));
      }
    }
    return List.copyOf(out);
  }

  private record CompiledRule(SafetyRule rule, RuleMatch words) {
  }

  private record CompiledRoute(RouteRule rule, RuleMatch words) {
  }

  /** A rule's phrases, its all-groups and its unless phrases, compiled. */
  private final class RuleMatch {
    private final List<Phrase> phrases;
    private final List<List<Phrase>> all;
    private final List<Phrase> unless;

    RuleMatch(List<Phrase> phrases, List<List<Phrase>> all, List<Phrase> unless) {
      this.phrases = phrases;
      this.all = all;
      this.unless = unless;
    }

    List<Phrase> unless() {
      return unless;
    }

    /**
     * The matched phrase (or the groups' phrases joined by " + "), or null; negated
     * occurrences are recorded under {@code type}.
     */
    String match(List<Clause> clauses, Set<String> negated, String type) {
      Hit any = firstMatch(phrases, clauses, negated, type);
      if (any != null) {
        return any.phrase();
      }
      if (all.isEmpty()) {
        return null;
      }
      List<String> parts = new ArrayList<>();
      for (List<Phrase> group : all) {
        Hit groupHit = firstMatch(group, clauses, negated, type);
        if (groupHit == null) {
          return null;
        }
        parts.add(groupHit.phrase());
      }
      return String.join(" + ", parts);
    }
  }

  private record Hit(String phrase) {
  }

  /** A message clause: its tokens and, for each, the ids of the rule words it matches. */
  private record Clause(String[] tokens, BitSet[] matched) {

    boolean matches(int pos, int word) {
      return matched[pos].get(word);
    }

    int length() {
      return tokens.length;
    }
  }

  /**
   * A phrase's words (ids in {@link RuleWords}); finds itself in a clause allowing one extra
   * word between its words.
   */
  private record Phrase(String text, int[] words) {

    int find(Clause clause, int from) {
      for (int i = from; i < clause.length(); i++) {
        if (clause.matches(i, words[0]) && restMatches(clause, i + 1, 1)) {
          return i;
        }
      }
      return -1;
    }

    private boolean restMatches(Clause clause, int pos, int k) {
      if (k == words.length) {
        return true;
      }
      if (pos < clause.length() && clause.matches(pos, words[k])
          && restMatches(clause, pos + 1, k + 1)) {
        return true;
      }
      return pos + 1 < clause.length() && clause.matches(pos + 1, words[k])
          && restMatches(clause, pos + 2, k + 1);
    }
  }

  /**
   * Whether a message token matches a phrase word: the same word, a word starting with a
   * prefix word's stem ({@code "suicid*"}), or, for words of six letters or more, the same
   * first letter and at most one edit. {@link RuleWords} indexes exactly this relation.
   */
  static boolean wordMatches(String token, String word) {
    if (word.endsWith("*")) {
      return token.startsWith(word.substring(0, word.length() - 1));
    }
    if (token.equals(word)) {
      return true;
    }
    return word.length() >= FUZZY_MIN_LENGTH && token.length() >= FUZZY_MIN_LENGTH - 1
        && token.charAt(0) == word.charAt(0) && EditDistance.withinOne(token, word);
  }
}
