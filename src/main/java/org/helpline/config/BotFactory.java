package org.helpline.config;

import java.time.Duration;
import java.util.List;
import org.helpline.content.Content;
import org.helpline.content.ContentLoader;
import org.helpline.content.ContentProblem;
import org.helpline.content.ContentSource;
import org.helpline.content.ContentValidator;
import org.helpline.conversation.HelplineBot;
import org.helpline.dialog.DialogEngine;
import org.helpline.dialog.NluThresholds;
import org.helpline.nlu.IntentClassifier;
import org.helpline.nlu.TextNormaliser;
import org.helpline.nlu.TrainingExample;
import org.helpline.nlu.opennlp.IntentModelTrainer;
import org.helpline.nlu.opennlp.OpenNlpSettings;
import org.helpline.safety.SafetyScreen;

/**
 * Builds a complete {@link HelplineBot} from a content source: load, validate, train, wire.
 * Plain Java so that tests and the evaluation command build exactly what the server runs.
 */
public final class BotFactory {

  private final ContentValidator validator;
  private final OpenNlpSettings nlp;
  private final NluThresholds thresholds;
  private final int maxMisunderstandings;

  public BotFactory(ContentValidator validator, OpenNlpSettings nlp, NluThresholds thresholds,
      int maxMisunderstandings) {
    this.validator = validator;
    this.nlp = nlp;
    this.thresholds = thresholds;
    this.maxMisunderstandings = maxMisunderstandings;
  }

  /** The factory with the defaults the server uses when nothing is configured. */
  public static BotFactory defaults() {
    return new BotFactory(new ContentValidator(25, 600), OpenNlpSettings.defaults(),
        NluThresholds.DEFAULTS, 3);
  }

  /** Loads and validates the content, then trains; throws ContentException when invalid. */
  public HelplineBot build(ContentSource source) {
    Content content = new ContentLoader(validator).load(source);
    return build(content);
  }

  /** A bot and the texts of its content that are due for clinical review. */
  public record Built(HelplineBot bot, List<ContentProblem> dueForReview) {
  }

  /**
   * Loads and validates the content, then trains, and reports the texts due for review;
   * throws ContentException when invalid.
   */
  public Built buildWithWarnings(ContentSource source) {
    ContentLoader.Loaded loaded = load(source);
    return new Built(build(loaded.content()), loaded.dueForReview());
  }

  /** Loads and validates without training; throws ContentException when invalid. */
  public ContentLoader.Loaded load(ContentSource source) {
    return new ContentLoader(validator).loadWithWarnings(source);
  }

  /** Trains on already validated content. */
  public HelplineBot build(Content content) {
    TextNormaliser normaliser = new TextNormaliser(content.spelling());
    long start = System.nanoTime();
    IntentClassifier classifier = new IntentModelTrainer(nlp).train(
        content.examples().stream().map(e -> new TrainingExample(e.intent(), e.text())).toList(),
        normaliser);
    Duration training = Duration.ofNanos(System.nanoTime() - start);
    return new HelplineBot(content, new SafetyScreen(content.safety(), normaliser), classifier,
        new DialogEngine(content, thresholds, maxMisunderstandings), training);
  }

  public NluThresholds thresholds() {
    return thresholds;
  }
}
