package org.helpline.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.helpline.conversation.TurnMetrics;

/**
 * The turn pipeline's counters in Micrometer, exported at {@code /q/metrics} as
 * {@code helpline_turns_total{channel,action}} and
 * {@code helpline_handoffs_opened_total{reason}}. Every label comes from a small fixed set
 * (channels, actions, handoff reasons from content), never from what a person sent.
 */
final class MicrometerTurnMetrics implements TurnMetrics {

  private final MeterRegistry registry;
  private final Map<String, Counter> turns = new ConcurrentHashMap<>();
  private final Map<String, Counter> handoffs = new ConcurrentHashMap<>();

  MicrometerTurnMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void turnTaken(String channel, String action) {
    turns.computeIfAbsent(channel + "/" + action, k -> Counter.builder("helpline.turns")
        .description("Turns taken, by channel and the bot's action")
        .tag("channel", channel).tag("action", action).register(registry)).increment();
  }

  @Override
  public void handoffOpened(String reason) {
    handoffs.computeIfAbsent(reason, k -> Counter.builder("helpline.handoffs.opened")
        .description("Conversations that joined the nurses' queue, by reason")
        .tag("reason", reason).register(registry)).increment();
  }
}
