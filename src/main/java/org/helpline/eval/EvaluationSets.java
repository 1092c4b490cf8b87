package org.helpline.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.helpline.content.Content;

/**
 * The labelled sets the running application carries, packaged read-only at build time (see
 * pom.xml) because a draft's bot must be measured against the published one where the drafts
 * are, in the running application. None of them is ever trained on: the content loader reads
 * only {@code content/}. Each is empty when the build lacks it (a jar built without the project
 * around it), never an error.
 *
 * <ul>
 *   <li>{@code development}: {@code src/test/resources/development}, under
 *       {@code evaluation/development/}. It has steered content and settings, so its figures are
 *       optimistic; because it is not the honest measure, its messages may be listed to editors.
 *   <li>{@code test}: the frozen blind test set, {@code src/test/resources/blind}, under
 *       {@code evaluation/test/}. It is the honest measure only while nobody tunes on it, so
 *       <b>only aggregate figures of it are ever shown</b>: never its messages, never which of
 *       them a draft got right or wrong. Labelled as the development set is (its README: one
 *       file per category), so that the two accuracies mean the same: a topic file's name is
 *       its intent, {@code unrelated} is {@code out_of_scope}; {@code calm_alarming} (no
 *       intent: calm messages that must not escalate) and {@code treatment_red_flag} (no
 *       intent: an escalation) are left out of it, as {@code BlindSetTest} grades them by route.
 *   <li>{@code safetyRegression}: the messages that must escalate,
 *       {@code src/test/resources/safety/must_escalate_<type>.txt}, under
 *       {@code evaluation/safety/}, labelled with the category (the file name without
 *       {@code must_escalate_}). Many hold a rule's phrase word for word: a regression set for
 *       the rules, not a measure of recall, and so listable.
 *   <li>{@code safetyTest}: the blind set's escalation files ({@link #SAFETY_CATEGORIES}),
 *       labelled with their category: the safety recall {@code BlindSetTest} measures. Part of
 *       the blind set, so aggregate figures only.
 * </ul>
 *
 * <p>Which outcome is right for a safety category is {@link Comparison#escalated}.
 */
public record EvaluationSets(
    Optional<List<LabelledText>> development,
    Optional<List<LabelledText>> test,
    Optional<List<LabelledText>> safetyRegression,
    Optional<List<LabelledText>> safetyTest) {

  /** Where the build puts the development set on the class path. */
  public static final String DEVELOPMENT = "evaluation/development/";
  /** Where the build puts the blind test set on the class path. */
  public static final String TEST = "evaluation/test/";
  /** Where the build puts the messages that must escalate on the class path. */
  public static final String SAFETY = "evaluation/safety/";

  /**
   * The categories of messages that must escalate, as {@code BlindSetTest} names them: the
   * blind set's files and the regression set's {@code must_escalate_<category>.txt}.
   */
  public static final Set<String> SAFETY_CATEGORIES =
      Set.of("medical_emergency", "self_harm", "treatment_red_flag");

  private static final String MUST_ESCALATE = "must_escalate_";
  /** The blind set's name for what the development set calls out of scope. */
  private static final String UNRELATED = "unrelated";
  /** The blind set's files that name no intent. */
  private static final Set<String> NOT_INTENTS = Set.of("calm_alarming", "treatment_red_flag");

  public EvaluationSets {
    development = development.map(List::copyOf);
    test = test.map(List::copyOf);
    safetyRegression = safetyRegression.map(List::copyOf);
    safetyTest = safetyTest.map(List::copyOf);
  }

  /** Every set this build packaged. */
  public static EvaluationSets fromClasspath(ClassLoader loader) {
    Optional<List<LabelledText>> blind = read(loader, TEST);
    return new EvaluationSets(read(loader, DEVELOPMENT), blind.flatMap(EvaluationSets::intents),
        read(loader, SAFETY).flatMap(EvaluationSets::mustEscalate),
        blind.flatMap(EvaluationSets::mustEscalateOfBlind));
  }

  /** The blind set labelled as the development set is. */
  private static Optional<List<LabelledText>> intents(List<LabelledText> blind) {
    return nonEmpty(blind.stream()
        .filter(m -> !NOT_INTENTS.contains(m.intent()))
        .map(m -> UNRELATED.equals(m.intent())
            ? new LabelledText(Content.OUT_OF_SCOPE, m.text()) : m)
        .toList());
  }

  /** The regression set's {@code must_escalate_<category>} files, labelled by category. */
  private static Optional<List<LabelledText>> mustEscalate(List<LabelledText> safety) {
    return nonEmpty(safety.stream()
        .filter(m -> m.intent().startsWith(MUST_ESCALATE))
        .map(m -> new LabelledText(m.intent().substring(MUST_ESCALATE.length()), m.text()))
        .filter(m -> SAFETY_CATEGORIES.contains(m.intent()))
        .toList());
  }

  private static Optional<List<LabelledText>> mustEscalateOfBlind(List<LabelledText> blind) {
    return nonEmpty(blind.stream().filter(m -> SAFETY_CATEGORIES.contains(m.intent())).toList());
  }

  /**
   * The labelled messages of one packaged folder: every {@code <label>.txt} its
   * {@code index.txt} lists (intents format; names starting with {@code _} skipped), or empty
   * when this build does not have the folder.
   *
   * @param folder the folder on the class path, ending in {@code /}
   */
  public static Optional<List<LabelledText>> read(ClassLoader loader, String folder) {
    Optional<String> index = resource(loader, folder + "index.txt");
    if (index.isEmpty()) {
      return Optional.empty();
    }
    List<LabelledText> out = new ArrayList<>();
    for (String name : index.get().lines().map(String::strip).sorted().toList()) {
      if (!name.endsWith(".txt") || name.startsWith("_") || name.equals("index.txt")) {
        continue;
      }
      String label = name.substring(0, name.length() - 4);
      String text = resource(loader, folder + name).orElseThrow(() -> new UncheckedIOException(
          new IOException("the index of " + folder + " lists a missing file: " + name)));
      out.addAll(Evaluator.labelled(label, text.lines().toList()));
    }
    return nonEmpty(out);
  }

  private static Optional<List<LabelledText>> nonEmpty(List<LabelledText> messages) {
    return messages.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(messages));
  }

  private static Optional<String> resource(ClassLoader loader, String path) {
    try (InputStream in = loader.getResourceAsStream(path)) {
      return in == null ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
