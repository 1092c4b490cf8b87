package org.helpline.staff.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.helpline.conversation.BotHolder;
import org.helpline.eval.LabelledFolder;
import org.helpline.eval.LabelledText;
import org.junit.jupiter.api.Test;

/** The packaged development set, and what happens without one. */
class DevelopmentEvaluationTest {

  @Test
  void theBuildPackagesTheWholeDevelopmentSet() {
    List<LabelledText> packaged = DevelopmentSet.fromClasspath(getClass().getClassLoader())
        .orElseThrow();
    List<LabelledText> source = LabelledFolder.read(Path.of("src/test/resources/development"));
    assertEquals(source.size(), packaged.size());
    assertTrue(packaged.containsAll(source));
  }

  @Test
  void withoutADevelopmentSetTheReportSaysSoClearly() {
    try (DevelopmentEvaluation evaluation = new DevelopmentEvaluation(new BotHolder(),
        Optional.empty(), Clock.systemUTC())) {
      assertFalse(evaluation.available());
      NoDevelopmentSetException e = assertThrows(NoDevelopmentSetException.class,
          () -> evaluation.latest(Duration.ofSeconds(1)));
      assertTrue(e.getMessage().contains("no development set"), e.getMessage());
    }
  }

  @Test
  void anEmptyClassPathHasNoDevelopmentSet() {
    ClassLoader empty = new ClassLoader(null) {
    };
    assertEquals(Optional.empty(), DevelopmentSet.fromClasspath(empty));
  }
}
