package org.helpline.config;

import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Clock;
import org.helpline.content.ContentValidator;
import org.helpline.conversation.BotFactory;
import org.helpline.dialog.NluThresholds;
import org.helpline.nlu.opennlp.OpenNlpSettings;

/**
 * The one way from settings to the bot factory, used by the server ({@link Producers}) and by
 * the code that runs outside Quarkus (the model packaging build step, the evaluation tools,
 * plain tests), so every default lives only in {@link HelplineConfig}'s {@code @WithDefault}s.
 */
public final class HelplineSettings {

  private HelplineSettings() {
  }

  /**
   * The settings as the server reads them, for code outside Quarkus: system properties, the
   * environment, {@code application.properties} on the class path, then the defaults. Profile
   * ({@code %dev.}, {@code %test.}) entries do not apply.
   */
  public static HelplineConfig load() {
    return new SmallRyeConfigBuilder().addDefaultSources().addDiscoveredConverters()
        .withMapping(HelplineConfig.class).build().getConfigMapping(HelplineConfig.class);
  }

  /** The factory of the bot the server builds with {@link #load()}'s settings. */
  public static BotFactory botFactory() {
    return botFactory(load(), Clock.systemUTC());
  }

  /** The factory of the bot these settings describe. */
  public static BotFactory botFactory(HelplineConfig config, Clock clock) {
    HelplineConfig.Nlu nlu = config.nlu();
    return new BotFactory(
        new ContentValidator(config.content().minExamples(), config.content().maxReplyLength(),
            config.content().reviewMaxAge(), clock),
        OpenNlpSettings.of(s -> s.iterations = nlu.iterations()),
        new NluThresholds(nlu.minConfidence(), nlu.minMargin(), nlu.clarifyFloor(),
            nlu.safetyNetConfidence()),
        config.dialog().maxMisunderstandings());
  }
}
