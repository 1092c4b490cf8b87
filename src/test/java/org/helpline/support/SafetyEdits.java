package org.helpline.support;

import java.util.ArrayList;
import java.util.List;

/** Edits of dialogs/_system/safety.yml that tests make to weaken a rule on purpose. */
public final class SafetyEdits {

  private SafetyEdits() {
  }

  /**
   * The file's text with one rule's phrases replaced by one nobody writes, so that the rule
   * stays valid but no longer fires.
   */
  public static String withoutPhrasesOfRule(String safetyYaml, String rule) {
    List<String> out = new ArrayList<>();
    boolean inRule = false;
    boolean inPhrases = false;
    for (String line : safetyYaml.lines().toList()) {
      if (line.startsWith("  - id: ")) {
        inRule = line.equals("  - id: " + rule);
      }
      if (inPhrases && line.startsWith("      - ")) {
        continue;
      }
      inPhrases = inRule && line.equals("    phrases:");
      out.add(line);
      if (inPhrases) {
        out.add("      - zyxwv qvtsr");
      }
    }
    return String.join("\n", out) + "\n";
  }
}
