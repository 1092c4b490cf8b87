package org.helpline.staff.editor;

import java.util.List;
import java.util.Optional;
import org.helpline.eval.EvaluationSets;
import org.helpline.eval.LabelledText;

/**
 * The development set as packaged read-only into the application at build time
 * (from {@code src/test/resources/development}, under {@code evaluation/development/} with an
 * {@code index.txt} of its files). It is never trained on, but it has been used to choose
 * content and settings, so its figures are optimistic; the blind test set, packaged beside it
 * for comparing a draft with the published bot ({@link EvaluationSets}), is the honest measure
 * and is only ever reported in aggregate.
 */
public final class DevelopmentSet {

  /** Where the build puts the set on the class path. */
  public static final String FOLDER = EvaluationSets.DEVELOPMENT;

  private DevelopmentSet() {
  }

  /** The labelled messages, or empty when this build has no development set. */
  public static Optional<List<LabelledText>> fromClasspath(ClassLoader loader) {
    return EvaluationSets.read(loader, FOLDER);
  }
}
