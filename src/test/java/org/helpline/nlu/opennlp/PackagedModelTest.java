package org.helpline.nlu.opennlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.helpline.config.HelplineSettings;
import org.helpline.content.Content;
import org.helpline.content.ContentSource;
import org.helpline.conversation.BotFactory;
import org.helpline.conversation.HelplineBot;
import org.helpline.content.ContentValidator;
import org.helpline.nlu.TextNormaliser;
import org.helpline.nlu.TrainingExample;
import org.helpline.support.RealBot;
import org.junit.jupiter.api.Test;

/**
 * The model the build packages is the model start-up would have trained, and it is never used
 * for anything it was not trained from.
 */
class PackagedModelTest {

  private static final OpenNlpSettings SETTINGS = OpenNlpSettings.defaults();

  @Test
  void theProjectsContentStartsWithThePackagedModel() {
    HelplineBot bot = HelplineSettings.botFactory().build(ContentSource.directory(RealBot.PROJECT));
    assertTrue(bot.modelPackaged(), "the build packages a model for the project's content");
    assertEquals("packaged", bot.modelSource());
  }

  @Test
  void thePackagedModelClassifiesExactlyAsAFreshlyTrainedOne() throws IOException {
    HelplineBot packaged = RealBot.get();
    assertTrue(packaged.modelPackaged());
    Content content = packaged.content();
    TextNormaliser normaliser = new TextNormaliser(content.spelling());
    OpenNlpIntentClassifier fresh = new IntentModelTrainer(SETTINGS).train(examples(content),
        normaliser);
    List<String> messages = developmentMessages();
    assertTrue(messages.size() > 400);
    for (String message : messages) {
      assertEquals(fresh.classify(message), packaged.classifier().classify(message), message);
    }
  }

  @Test
  void otherSettingsTrainInsteadOfUsingThePackagedModel() {
    BotFactory other = new BotFactory(new ContentValidator(25, 600),
        OpenNlpSettings.of(s -> s.iterations = 99), RealBot.get().engine().thresholds(), 3);
    HelplineBot bot = other.build(RealBot.get().content());
    assertFalse(bot.modelPackaged(), "a model trained with other settings must not be used");
  }

  @Test
  void aChangedExampleChangesTheFingerprintAndTheModelIsRefused() throws IOException {
    Content content = RealBot.get().content();
    TextNormaliser normaliser = new TextNormaliser(content.spelling());
    List<TrainingExample> examples = examples(content);
    String fingerprint = PackagedModel.fingerprint(SETTINGS, examples, normaliser);
    List<TrainingExample> edited = new ArrayList<>(examples);
    TrainingExample first = edited.get(0);
    edited.set(0, new TrainingExample(first.intent(), first.text() + " please"));
    String editedFingerprint = PackagedModel.fingerprint(SETTINGS, edited, normaliser);
    assertNotEquals(fingerprint, editedFingerprint);
    assertEquals(fingerprint, PackagedModel.fingerprint(SETTINGS, examples(content), normaliser),
        "the same content gives the same fingerprint");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PackagedModel.write(new IntentModelTrainer(SETTINGS).train(examples, normaliser),
        fingerprint, out);
    assertTrue(PackagedModel.read(new ByteArrayInputStream(out.toByteArray()), fingerprint,
        SETTINGS, normaliser).isPresent());
    assertTrue(PackagedModel.read(new ByteArrayInputStream(out.toByteArray()),
        editedFingerprint, SETTINGS, normaliser).isEmpty());
  }

  private static List<TrainingExample> examples(Content content) {
    return content.examples().stream()
        .map(e -> new TrainingExample(e.intent(), e.text())).toList();
  }

  private static List<String> developmentMessages() throws IOException {
    List<String> messages = new ArrayList<>();
    try (Stream<Path> files = Files.list(
        RealBot.PROJECT.resolve("src/test/resources/development"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
        Files.readAllLines(file).stream().map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(messages::add);
      }
    }
    return messages;
  }
}
