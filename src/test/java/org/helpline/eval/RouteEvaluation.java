package org.helpline.eval;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.helpline.content.Bubble;
import org.helpline.conversation.HelplineBot;
import org.helpline.conversation.Utterance;
import org.helpline.dialog.ConversationState;
import org.helpline.dialog.Turn;
import org.helpline.support.RealBot;

/**
 * Grades a folder of category files (the development route files, or the blind set) with pure
 * turns of the real bot, each a first message at a fixed time: {@code args[0]} is the folder,
 * {@code args[1]} ({@code misses}) also lists every wrong reply. The blind set's figures that
 * count are the ones {@link BlindSetTest} measures over HTTP; never tune on its misses.
 */
public final class RouteEvaluation {

  /** A Wednesday at 11:00 UTC: the line is open. */
  static final Instant OPEN = Instant.parse("2026-12-02T11:00:00Z");

  private RouteEvaluation() {
  }

  public static void main(String[] args) {
    run(RealBot.get(), args[0], args.length > 1 && "misses".equals(args[1]));
  }

  /**
   * Grades the comma-separated folders with the bot and prints the report, and every wrong
   * reply when {@code misses}.
   */
  static void run(HelplineBot bot, String folders, boolean misses) {
    Clock clock = Clock.fixed(OPEN, ZoneOffset.UTC);
    RouteGrader grader = new RouteGrader(bot.content().helpline().phone());
    List<RouteGrader.Line> lines = new ArrayList<>();
    for (String folder : folders.split(",")) {
      lines.addAll(RouteGrader.read(Path.of(folder)));
    }
    List<RouteGrader.Graded> graded = grader.grade(lines, line -> {
      Turn t = bot.respond(ConversationState.start(OPEN), Utterance.typed(line.text()), clock)
          .turn();
      return new RouteGrader.Reply(t.action().name().toLowerCase(Locale.ROOT),
          t.intent(), t.escalation().map(e -> e.type()).orElse(null),
          String.join(" ", t.replies().stream().map(Bubble::text).toList()),
          t.escalation().map(e -> e.trigger()).orElse(null));
    });
    System.out.print(RouteGrader.report(graded));
    if (misses) {
      graded.stream().filter(g -> !g.right()).forEach(g -> System.out.printf(
          "%-22s %-9s %-28s %-20s %s%n", g.line().category(), g.reply().action(),
          g.reply().intent(), g.reply().trigger(), g.line().text()));
    }
  }
}
