package org.helpline.eval;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.helpline.content.Content;
import org.helpline.content.DialogAction;
import org.helpline.conversation.BotTurn;
import org.helpline.conversation.HelplineBot;
import org.helpline.conversation.Utterance;
import org.helpline.dialog.ConversationState;
import org.helpline.dialog.Turn;
import org.helpline.nlu.Classification;

/**
 * Measures the real pipeline (normalisation, safety screen, OpenNLP model, dialog engine) on
 * labelled messages: intent accuracy, per-intent figures, confusions, out-of-scope rejection,
 * safety recall and the action mix. The product reports these to editors
 * ({@code staff/editor/DevelopmentEvaluation}); the command-line tools build on them (test tree).
 */
public final class Evaluator {

  private Evaluator() {
  }

  /** The messages of one file in the intents format: blank lines and # comments skipped. */
  public static List<LabelledText> labelled(String intent, List<String> lines) {
    List<LabelledText> out = new ArrayList<>();
    for (String line : lines) {
      String text = line.strip();
      if (!text.isEmpty() && !text.startsWith("#")) {
        out.add(new LabelledText(intent, text));
      }
    }
    return out;
  }

  /** One message's outcome through the whole pipeline, from a fresh conversation. */
  public record Outcome(LabelledText expected, Classification nlu, Turn turn) {

    public String predicted() {
      return nlu.top().intent();
    }
  }

  /** Runs every message through the bot's pipeline. */
  public static List<Outcome> run(HelplineBot bot, List<LabelledText> messages) {
    Instant now = Instant.parse("2026-11-25T11:00:00Z");
    List<Outcome> out = new ArrayList<>(messages.size());
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    for (LabelledText m : messages) {
      BotTurn taken = bot.respond(ConversationState.start(now), Utterance.typed(m.text()),
          clock);
      out.add(new Outcome(m, taken.nlu(), taken.turn()));
    }
    return out;
  }

  /**
   * Figures over a set of outcomes, each a {@link Proportion} so that its interval can be
   * reported with it.
   *
   * @param accuracy in-scope messages whose top intent is right
   * @param answeredRight in-scope messages answered (or handed off) with the right intent
   * @param answeredWrong in-scope messages answered with a wrong intent
   * @param rejection out-of-scope messages the bot declined (fallback)
   */
  public record Report(
      Proportion accuracy,
      Proportion answeredRight,
      Proportion answeredWrong,
      Proportion rejection,
      Map<String, double[]> perIntent,
      List<Map.Entry<String, Integer>> confusions,
      Map<String, Integer> actions) {

    public int inScope() {
      return accuracy.total();
    }

    public int outOfScope() {
      return rejection.total();
    }

    public double intentAccuracy() {
      return accuracy.value();
    }

    public double answeredCorrectly() {
      return answeredRight.value();
    }

    public double answeredWrongly() {
      return answeredWrong.value();
    }

    public double outOfScopeRejection() {
      return rejection.value();
    }
  }

  /** Summarises outcomes; {@code perIntent} holds precision, recall, F1 and support. */
  public static Report report(List<Outcome> outcomes) {
    int inScope = 0;
    int correct = 0;
    int answeredRight = 0;
    int answeredWrong = 0;
    int oos = 0;
    int rejected = 0;
    Map<String, int[]> counts = new TreeMap<>();
    Map<String, Integer> confusions = new LinkedHashMap<>();
    Map<String, Integer> actions = new TreeMap<>();
    for (Outcome o : outcomes) {
      String expected = o.expected().intent();
      String predicted = o.predicted();
      counts.computeIfAbsent(expected, k -> new int[3])[2]++;
      counts.computeIfAbsent(predicted, k -> new int[3]);
      if (expected.equals(predicted)) {
        counts.get(expected)[0]++;
      } else {
        counts.get(predicted)[1]++;
        confusions.merge(expected + " -> " + predicted, 1, Integer::sum);
      }
      actions.merge(o.turn().action().id(), 1, Integer::sum);
      boolean acted = o.turn().action() == DialogAction.ANSWER
          || o.turn().action() == DialogAction.HANDOFF
          || o.turn().action() == DialogAction.ESCALATE;
      if (Content.OUT_OF_SCOPE.equals(expected)) {
        oos++;
        // Not answered with content: the fallback, or the nurses (a route) for a question
        // about cancer that the content does not cover.
        if (o.turn().action() == DialogAction.FALLBACK
            || o.turn().action() == DialogAction.HANDOFF) {
          rejected++;
        }
      } else {
        inScope++;
        if (expected.equals(predicted)) {
          correct++;
        }
        if (acted && expected.equals(o.turn().intent())) {
          answeredRight++;
        } else if (o.turn().action() == DialogAction.ANSWER) {
          // Content about another topic. A handoff is not counted here: the nurses can answer
          // anything, so a route that misreads which need it is still reaches them.
          answeredWrong++;
        }
      }
    }
    Map<String, double[]> perIntent = new TreeMap<>();
    counts.forEach((intent, c) -> {
      double precision = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
      double recall = c[2] == 0 ? 0 : (double) c[0] / c[2];
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      perIntent.put(intent, new double[] {precision, recall, f1, c[2]});
    });
    List<Map.Entry<String, Integer>> confused = new ArrayList<>(confusions.entrySet());
    confused.sort(Map.Entry.<String, Integer>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey()));
    return new Report(new Proportion(correct, inScope), new Proportion(answeredRight, inScope),
        new Proportion(answeredWrong, inScope), new Proportion(rejected, oos), perIntent,
        List.copyOf(confused), actions);
  }

  static double ratio(int part, int whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }
}
