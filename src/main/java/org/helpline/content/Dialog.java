package org.helpline.content;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A curated dialog as written in {@code dialogs/<id>.yml}; the format is documented in
 * {@code dialogs/README.md}.
 *
 * @param triage how the nurses' triage assistant rates a caller this dialog fits, or null
 */
// reviewedBy: the clinician who approved the last review (written by ReviewStamp); a record
// for people reading the file, not used by the bot.
@JsonIgnoreProperties("reviewedBy")
public record Dialog(
    String id,
    DialogAction action,
    String title,
    List<String> mentions,
    List<Bubble> replies,
    List<String> followUps,
    List<ContextAnswer> inContext,
    Source source,
    LocalDate reviewed,
    HandoffSpec handoff,
    EscalationSpec escalation,
    TriageSpec triage) {

  public Dialog {
    action = action == null ? DialogAction.ANSWER : action;
    mentions = mentions == null ? List.of() : List.copyOf(mentions);
    replies = replies == null ? List.of() : List.copyOf(replies);
    followUps = followUps == null ? List.of() : List.copyOf(followUps);
    inContext = inContext == null ? List.of() : List.copyOf(inContext);
  }

  /** The topic-specific answer this dialog gives to a follow-up recognised as {@code intent}. */
  public Optional<ContextAnswer> inContextFor(String intent) {
    return inContext.stream().filter(c -> c.intents().contains(intent)).findFirst();
  }
}
