package org.helpline.staff.nurse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.helpline.content.Dialog;
import org.helpline.handoff.ChatEvent;
import org.helpline.handoff.HandoffReason;
import org.helpline.handoff.HandoffTranscript;
import org.helpline.handoff.QueuedHandoff;
import org.helpline.staff.nurse.dto.NurseChatMessage;
import org.helpline.staff.nurse.dto.NurseHandoff;
import org.helpline.staff.nurse.dto.NurseTranscript;
import org.helpline.staff.nurse.dto.NurseTranscriptTurn;
import org.helpline.staff.nurse.dto.NurseTriageContent;
import org.helpline.staff.nurse.dto.NurseTriageIntent;
import org.helpline.staff.nurse.dto.NurseTriageResponse;
import org.helpline.staff.nurse.dto.NurseTriageSafety;
import org.helpline.staff.nurse.dto.NurseTriageSource;

/** Turns the queue, transcripts and triage assessments into the staff API's JSON. */
final class NurseMapper {

  private static final ObjectMapper JSON = new ObjectMapper();

  private NurseMapper() {
  }

  static NurseHandoff toDto(QueuedHandoff h, Instant now) {
    return new NurseHandoff(h.id(), h.conversationId(), h.channel(), h.reason().id(),
        h.reason().label(), h.urgency().id(), h.urgency().label(), h.status(), h.summary(), text(h.createdAt()), h.waitingSeconds(now), h.claimedBy(),
        text(h.claimedAt()), h.closedBy(), text(h.closedAt()), h.outcome(), h.mode(),
        h.chatStatus(), text(h.replyBy()), h.replyBy() != null
        && !QueuedHandoff.CLOSED.equals(h.status()) && now.isAfter(h.replyBy()));
  }

  /**
   * The transcript, every chat message redacted: the person's were stored redacted, the
   * nurses' are kept as sent (the person reads them) and redacted here.
   */
  static NurseTranscript toDto(HandoffTranscript t, UnaryOperator<String> redact) {
    return new NurseTranscript(t.handoffId(), t.conversationId(), t.channel(),
        t.turns().stream().map(e -> new NurseTranscriptTurn(e.seq(), text(e.at()),
            e.userText(), e.action(), e.intent(), e.confidence(), e.botTexts())).toList(),
        t.chat().stream().map(e -> chatMessage(e, redact)).toList());
  }

  /** A stored chat message as the transcript shows it (its data is the stream's JSON). */
  private static NurseChatMessage chatMessage(ChatEvent e, UnaryOperator<String> redact) {
    try {
      JsonNode data = JSON.readTree(e.data());
      return new NurseChatMessage(e.id(), data.path("from").asText(),
          redact.apply(data.path("text").asText()), data.path("at").asText());
    } catch (JsonProcessingException x) {
      throw new IllegalStateException("a stored chat event is not JSON", x);
    }
  }

  static NurseTriageResponse toDto(TriageAssessment a) {
    TriageAssessment.Safety s = a.safety();
    return new NurseTriageResponse(a.urgency().id(), a.urgency().label(),
        new NurseTriageSafety(s.fired(), s.type(), s.rule(), s.reason()),
        a.queueReason().map(HandoffReason::id).orElse(null),
        a.queueReason().map(HandoffReason::label).orElse(null),
        a.intents().stream().map(i -> new NurseTriageIntent(i.intent(), i.probability()))
            .toList(),
        a.content().stream().map(NurseMapper::content).toList(), a.nextSteps());
  }

  private static NurseTriageContent content(Dialog d) {
    return new NurseTriageContent(d.id(), d.title(),
        d.replies().isEmpty() ? null : d.replies().get(0).text(),
        d.source() == null ? null : new NurseTriageSource(d.source().title(), d.source().url()),
        d.reviewed() == null ? null : d.reviewed().toString(),
        d.reviewed() == null ? NurseTriageContent.AWAITING_CLINICAL_REVIEW
            : NurseTriageContent.REVIEWED);
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
