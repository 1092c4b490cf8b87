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

/** The packaged held-out set, and what happens without one. */
class HeldOutEvaluationTest {

  @Test
  void theBuildPackagesTheWholeHeldOutSet() {
    List<LabelledText> packaged = HeldOutSet.fromClasspath(getClass().getClassLoader())
        .orElseThrow();
    List<LabelledText> source = LabelledFolder.read(Path.of("src/test/resources/heldout"));
    assertEquals(source.size(), packaged.size());
    assertTrue(packaged.containsAll(source));
  }

  @Test
  void withoutAHeldOutSetTheReportSaysSoClearly() {
    try (HeldOutEvaluation evaluation = new HeldOutEvaluation(new BotHolder(), Optional.empty(),
        Clock.systemUTC())) {
      assertFalse(evaluation.available());
      NoHeldOutSetException e = assertThrows(NoHeldOutSetException.class,
          () -> evaluation.latest(Duration.ofSeconds(1)));
      assertTrue(e.getMessage().contains("no held-out evaluation set"), e.getMessage());
    }
  }

  @Test
  void anEmptyClassPathHasNoHeldOutSet() {
    ClassLoader empty = new ClassLoader(null) {
    };
    assertEquals(Optional.empty(), HeldOutSet.fromClasspath(empty));
  }
}
