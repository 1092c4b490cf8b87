package org.helpline.conversation;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.helpline.content.Content;
import org.helpline.dialog.ConversationState;
import org.helpline.dialog.DialogEngine;
import org.helpline.dialog.UserTurn;
import org.helpline.nlu.Classification;
import org.helpline.nlu.IntentClassifier;
import org.helpline.safety.SafetyResult;
import org.helpline.safety.SafetyScreen;

/**
 * One consistent, immutable set of the bot's working parts built from one content version:
 * swapped as a whole, so a turn never mixes two versions. {@link #respond} is the one pure
 * turn the service, the evaluation, the tests and the benchmarks all take.
 *
 * @param trainingTime how long the model took to train, or to load when packaged
 * @param modelPackaged whether the model was the one trained at build time for exactly this
 *     content (else it was trained at start-up or reload)
 * @param redactor removes personal data from what people and staff write, keeping this
 *     content's numbers; built once with the bot, not per turn
 */
public record HelplineBot(Content content, SafetyScreen screen, IntentClassifier classifier,
    DialogEngine engine, Duration trainingTime, boolean modelPackaged, Redactor redactor) {

  private static final Pattern NUMBER_CHOICE = Pattern.compile("\\d{1,2}");

  /** How the model came to be, for logs and health: "packaged" or "trained". */
  public String modelSource() {
    return modelPackaged ? "packaged" : "trained";
  }

  /**
   * Takes one turn, without I/O: a tapped quick reply (or a bare number choosing one the last
   * reply offered) goes straight to the engine; typed text is screened for safety, then
   * classified; the engine decides.
   *
   * @throws InvalidMessageException when a tapped payload is not a quick reply this bot offers
   */
  public BotTurn respond(ConversationState state, Utterance said, Clock clock) {
    String choice = said.isTap() ? said.payload() : numberedChoice(state, said.text())
        .orElse(null);
    boolean quickReply = choice != null;
    if (quickReply) {
      checkPayload(choice);
    }
    SafetyResult safety = quickReply ? SafetyResult.clear() : screen.screen(said.text());
    Classification nlu = quickReply ? Classification.certain(choice, choice)
        : classifier.classify(said.text());
    return new BotTurn(said, choice, safety, nlu,
        engine.respond(state, new UserTurn(safety, nlu, quickReply, clock.instant())),
        said.isTap() ? "[quick reply] " + choice : redactor.redact(said.text()));
  }

  /** The quick reply a bare number stands for, when the last reply offered a numbered list. */
  static Optional<String> numberedChoice(ConversationState state, String text) {
    String stripped = text.strip();
    if (!NUMBER_CHOICE.matcher(stripped).matches()) {
      return Optional.empty();
    }
    int n = Integer.parseInt(stripped);
    List<String> offered = state.offered();
    return n >= 1 && n <= offered.size() ? Optional.of(offered.get(n - 1)) : Optional.empty();
  }

  private void checkPayload(String payload) {
    boolean known = content.intents().containsKey(payload)
        || DialogEngine.SOMETHING_ELSE.equals(payload);
    if (!known) {
      throw new InvalidMessageException("payload '"
          + (payload.length() > 50 ? payload.substring(0, 50) + "…" : payload)
          + "' is not a quick reply this bot offers");
    }
  }
}
