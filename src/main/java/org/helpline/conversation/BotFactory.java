package org.helpline.conversation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.helpline.content.Content;
import org.helpline.content.ContentLoader;
import org.helpline.content.ContentProblem;
import org.helpline.content.ContentSource;
import org.helpline.content.ContentValidator;
import org.helpline.dialog.DialogEngine;
import org.helpline.dialog.NluThresholds;
import org.helpline.nlu.IntentClassifier;
import org.helpline.nlu.TextNormaliser;
import org.helpline.nlu.TrainingExample;
import org.helpline.nlu.opennlp.IntentModelTrainer;
import org.helpline.nlu.opennlp.OpenNlpIntentClassifier;
import org.helpline.nlu.opennlp.OpenNlpSettings;
import org.helpline.nlu.opennlp.PackagedModel;
import org.helpline.safety.SafetyScreen;

/**
 * Builds a complete {@link HelplineBot} from a content source: load, validate, train, wire.
 * Plain Java so that tests and the evaluation command build exactly what the server runs
 * (made from the settings by {@code config/HelplineSettings}).
 *
 * @param maxMisunderstandings fallbacks or clarifications in a row before the bot hands off
 */
public record BotFactory(ContentValidator validator, OpenNlpSettings nlp,
    NluThresholds thresholds, int maxMisunderstandings) {

  /** Loads and validates the content, then trains; throws ContentException when invalid. */
  public HelplineBot build(ContentSource source) {
    Content content = new ContentLoader(validator).load(source);
    return build(content);
  }

  /**
   * A bot, the texts of its content that are due for clinical review, and those no clinician
   * has reviewed yet.
   */
  public record Built(HelplineBot bot, List<ContentProblem> dueForReview,
      List<ContentProblem> awaitingReview) {
  }

  /**
   * Loads and validates the content, then trains, and reports the texts due for review and
   * awaiting review; throws ContentException when invalid.
   */
  public Built buildWithWarnings(ContentSource source) {
    ContentLoader.Loaded loaded = load(source);
    return new Built(build(loaded.content()), loaded.dueForReview(), loaded.awaitingReview());
  }

  /** Loads and validates without training; throws ContentException when invalid. */
  public ContentLoader.Loaded load(ContentSource source) {
    return new ContentLoader(validator).loadWithWarnings(source);
  }

  /**
   * Builds the bot for already validated content: with the model packaged at build time when
   * it was trained from exactly this content's examples and these settings, else by training.
   */
  public HelplineBot build(Content content) {
    return build(content, null);
  }

  /**
   * Builds the bot for already validated content with a model stored beside it
   * ({@link #model}) when that model was trained from exactly this content's examples and
   * these settings; else as {@link #build(Content)} does.
   *
   * @param stored the stored model, or null
   */
  public HelplineBot build(Content content, byte[] stored) {
    TextNormaliser normaliser = normaliser(content);
    List<TrainingExample> examples = examples(content);
    long start = System.nanoTime();
    String fingerprint = PackagedModel.fingerprint(nlp, examples, normaliser);
    Optional<OpenNlpIntentClassifier> packaged = stored == null
        ? packagedModel(fingerprint, normaliser)
        : PackagedModel.read(new ByteArrayInputStream(stored), fingerprint, nlp, normaliser)
            .or(() -> packagedModel(fingerprint, normaliser));
    IntentClassifier classifier = packaged.isPresent() ? packaged.get()
        : new IntentModelTrainer(nlp).train(examples, normaliser);
    Duration training = Duration.ofNanos(System.nanoTime() - start);
    return new HelplineBot(content, new SafetyScreen(content.safety(), content.routes(),
        normaliser), classifier,
        new DialogEngine(content, thresholds, maxMisunderstandings), training,
        packaged.isPresent(), Redactor.forContent(content));
  }

  /**
   * The bot's intent model with what it was trained from, to store beside its content so that
   * another instance builds the same bot without training ({@link #build(Content, byte[])}).
   */
  public byte[] model(HelplineBot bot) {
    if (!(bot.classifier() instanceof OpenNlpIntentClassifier classifier)) {
      throw new IllegalArgumentException("only an OpenNLP model can be stored");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PackagedModel.write(classifier, PackagedModel.fingerprint(nlp, examples(bot.content()),
          normaliser(bot.content())), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Trains on validated content and writes the model where the build packages it
   * ({@link PackagedModel#RESOURCE} under {@code classesDir}).
   */
  public void packageModel(Content content, Path classesDir) throws IOException {
    TextNormaliser normaliser = normaliser(content);
    List<TrainingExample> examples = examples(content);
    Path file = classesDir.resolve(PackagedModel.RESOURCE);
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      PackagedModel.write(new IntentModelTrainer(nlp).train(examples, normaliser),
          PackagedModel.fingerprint(nlp, examples, normaliser), out);
    }
  }

  private Optional<OpenNlpIntentClassifier> packagedModel(String fingerprint,
      TextNormaliser normaliser) {
    try (InputStream in = BotFactory.class.getClassLoader()
        .getResourceAsStream(PackagedModel.RESOURCE)) {
      return in == null ? Optional.empty()
          : PackagedModel.read(in, fingerprint, nlp, normaliser);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static TextNormaliser normaliser(Content content) {
    return new TextNormaliser(content.spelling());
  }

  private static List<TrainingExample> examples(Content content) {
    return content.examples().stream()
        .map(e -> new TrainingExample(e.intent(), e.text())).toList();
  }
}
