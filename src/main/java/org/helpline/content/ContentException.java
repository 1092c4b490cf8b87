package org.helpline.content;

import java.util.List;
import java.util.stream.Collectors;
import org.helpline.HelplineException;

/** Content failed validation; carries every problem found, each with file and line. */
public class ContentException extends HelplineException {

  private final transient List<ContentProblem> problems;

  public ContentException(List<ContentProblem> problems) {
    super("content is invalid (" + problems.size() + " problem"
        + (problems.size() == 1 ? "" : "s") + "):\n" + problems.stream()
        .map(ContentProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<ContentProblem> problems() {
    return problems;
  }
}
