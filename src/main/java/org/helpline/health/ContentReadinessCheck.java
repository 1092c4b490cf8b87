package org.helpline.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.helpline.conversation.BotHolder;
import org.helpline.conversation.HelplineBot;

/** Ready only once the content is validated and the model trained. */
@Readiness
@ApplicationScoped
public class ContentReadinessCheck implements HealthCheck {

  private final BotHolder bots;

  public ContentReadinessCheck(BotHolder bots) {
    this.bots = bots;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder builder = HealthCheckResponse.named("content-and-model");
    return bots.current().map(bot -> up(builder, bot))
        .orElseGet(() -> builder.down().withData("reason", "content loading, model training")
            .build());
  }

  private static HealthCheckResponse up(HealthCheckResponseBuilder builder, HelplineBot bot) {
    return builder.up()
        .withData("contentVersion", bot.content().version())
        .withData("intents", bot.content().intents().size())
        .withData("examples", bot.content().examples().size())
        .withData("model", bot.modelSource())
        .withData("trainingMillis", bot.trainingTime().toMillis())
        .build();
  }
}
