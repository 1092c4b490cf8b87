package org.helpline.build;

import java.io.IOException;
import java.nio.file.Path;
import org.helpline.config.HelplineSettings;
import org.helpline.content.Content;
import org.helpline.content.ContentSource;
import org.helpline.conversation.BotFactory;

/**
 * Build step (pom.xml, {@code process-classes}): trains on the project's content and packages
 * the model with the server's settings ({@code application.properties} and defaults), so
 * that start-up loads it instead of training (PackagedModel).
 */
public final class ModelPackaging {

  private ModelPackaging() {
  }

  /** Arguments: the project directory and the classes directory. */
  public static void main(String[] args) throws IOException {
    BotFactory factory = HelplineSettings.botFactory();
    Content content = factory.load(ContentSource.directory(Path.of(args[0]))).content();
    factory.packageModel(content, Path.of(args[1]));
  }
}
