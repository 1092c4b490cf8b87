package org.helpline.content;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One validated, immutable version of the bot's content: training examples, dialogs, system
 * dialogs, notices, safety rules, routes and helpline facts. {@code version} is a hash of every
 * file.
 */
public record Content(
    String version,
    SortedMap<String, List<Example>> intents,
    Map<String, String> spelling,
    Map<String, Dialog> dialogs,
    Map<String, Dialog> systemDialogs,
    ClarifyTexts clarify,
    HandoffTexts handoff,
    NoticeTexts notices,
    HelplineFacts helpline,
    SafetyRules safety,
    RouteRules routes) {

  public static final String FALLBACK = "fallback";
  public static final String OUT_OF_SCOPE = "out_of_scope";

  public Content {
    intents = new TreeMap<>(intents);
    spelling = Map.copyOf(spelling);
    dialogs = Map.copyOf(dialogs);
    systemDialogs = Map.copyOf(systemDialogs);
    routes = routes == null ? RouteRules.none() : routes;
  }

  /** The dialog of an intent, or a system dialog, by id. */
  public Optional<Dialog> dialog(String id) {
    Dialog d = dialogs.get(id);
    return d != null ? Optional.of(d) : Optional.ofNullable(systemDialogs.get(id));
  }

  /** Every training example, intents in id order, examples in file order. */
  public List<Example> examples() {
    return intents.values().stream().flatMap(List::stream).toList();
  }
}
