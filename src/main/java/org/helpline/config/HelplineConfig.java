package org.helpline.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Every setting of the bot, under the {@code helpline.} prefix (see the README's table). */
@ConfigMapping(prefix = "helpline")
public interface HelplineConfig {

  /** Where content comes from and how strictly it is checked. */
  ContentSettings content();

  /** When the bot trusts the classifier. */
  Nlu nlu();

  /** Conversation rules. */
  Dialog dialog();

  /** Limits on what people can send. */
  Chat chat();

  /** Where conversations are kept and for how long. */
  Storage storage();

  /** Content settings. */
  interface ContentSettings {

    /**
     * A directory holding {@code intents/} and {@code dialogs/} that replaces the content
     * packaged into the application; no default, because the packaged content is the default.
     */
    Optional<Path> dir();

    /** Fewest training examples an intent may have. */
    @WithDefault("25")
    int minExamples();

    /** Longest text of one chat bubble. */
    @WithDefault("600")
    int maxReplyLength();
  }

  /** Classifier thresholds, calibrated with the evaluation command. */
  interface Nlu {

    /** Top probability needed to answer. */
    @WithDefault("0.6")
    double minConfidence();

    /** Lead over the runner-up needed to answer without asking. */
    @WithDefault("0.4")
    double minMargin();

    /** Probability both candidates need before the bot asks "A or B?". */
    @WithDefault("0.2")
    double clarifyFloor();

    /** Probability at which the emergency and self-harm intents escalate on their own. */
    @WithDefault("0.35")
    double safetyNetConfidence();

    /** Maximum training iterations of the maxent model. */
    @WithDefault("100")
    int iterations();
  }

  /** Conversation rules. */
  interface Dialog {

    /** Fallbacks or clarifications in a row before the bot hands off to the nurses. */
    @WithDefault("3")
    int maxMisunderstandings();
  }

  /** Chat input limits. */
  interface Chat {

    /** Longest message text accepted, in characters. */
    @WithDefault("1000")
    int maxTextLength();
  }

  /** Storage and retention. */
  interface Storage {

    /** Directory of the embedded database's files. */
    @WithDefault("./data")
    String dataDir();

    /** How long transcripts and conversations are kept. */
    @WithDefault("30d")
    Duration transcriptRetention();

    /** How long handoff records are kept (longer: the nurses follow up on them). */
    @WithDefault("365d")
    Duration handoffRetention();

    /** A conversation idle for longer than this ends; the next message starts a new one. */
    @WithDefault("30m")
    Duration idleTimeout();

    /** How often the retention job runs. */
    @WithDefault("1h")
    String retentionCheckEvery();
  }
}
