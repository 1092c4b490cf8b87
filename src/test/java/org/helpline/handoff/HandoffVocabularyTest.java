package org.helpline.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every urgency and reason has an id content can name and a label the console shows. */
class HandoffVocabularyTest {

  @Test
  void everyTermHasALabelAndIsFoundByItsId() {
    Stream.of(Urgency.values(), HandoffReason.values()).flatMap(Stream::of).forEach(t -> {
      assertFalse(t.label().isBlank(), t.name());
      assertEquals(t.id(), t.name().toLowerCase());
    });
    assertEquals("Urgent (same day)", Urgency.URGENT.label());
    assertEquals(Optional.of(HandoffReason.ASKED_FOR_NURSE), HandoffReason.of("asked_for_nurse"));
    assertEquals(Optional.empty(), Urgency.of("URGENT"));
  }

  @Test
  void theMoreUrgentWinsAndSelfHarmIsDistress() {
    assertEquals(Urgency.EMERGENCY, Urgency.ROUTINE.atLeast(Urgency.EMERGENCY));
    assertEquals(Urgency.URGENT, Urgency.URGENT.atLeast(Urgency.ROUTINE));
    assertEquals(HandoffReason.DISTRESS, HandoffReason.forEscalation("self_harm", null));
    assertEquals(HandoffReason.ESCALATION,
        HandoffReason.forEscalation("medical_emergency", null));
    assertEquals(HandoffReason.TREATMENT_RED_FLAG,
        HandoffReason.forEscalation("medical_emergency", "treatment_red_flag"));
  }
}
