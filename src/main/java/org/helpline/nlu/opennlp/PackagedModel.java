package org.helpline.nlu.opennlp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.util.Version;
import org.helpline.nlu.TextNormaliser;
import org.helpline.nlu.TrainingExample;

/**
 * A trained intent model saved at build time and shipped inside the application, so that
 * start-up loads it in a fraction of a second instead of training for seconds.
 *
 * <p>The file carries a fingerprint of everything training depends on: the OpenNLP version,
 * the settings, and every example exactly as the trainer sees it (intent and normalised words,
 * in order). A model is used only when its fingerprint equals that of the content being
 * loaded; otherwise (an editor's content directory, changed examples or spelling fixes, other
 * settings) the bot trains as before. Because training is deterministic, a loaded model gives
 * the same probabilities as a freshly trained one ({@code PackagedModelTest}).
 */
public final class PackagedModel {

  /** Where the build puts the model, on the application's class path. */
  public static final String RESOURCE = "model/intent-model.bin";
  private static final String FORMAT = "helpline-intent-model-1";

  private PackagedModel() {
  }

  /** What training depends on, as a SHA-256 hex string. */
  public static String fingerprint(OpenNlpSettings settings, List<TrainingExample> examples,
      TextNormaliser normaliser) {
    MessageDigest digest = sha256();
    update(digest, FORMAT);
    update(digest, Version.currentVersion().toString());
    update(digest, settings.toString());
    for (TrainingExample example : examples) {
      update(digest, example.intent());
      update(digest, String.join(" ", normaliser.tokens(example.text())));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Writes a trained classifier's model, headed by its fingerprint. */
  public static void write(OpenNlpIntentClassifier classifier, String fingerprint,
      OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
    data.writeUTF(FORMAT);
    data.writeUTF(fingerprint);
    new GenericModelWriter((AbstractModel) classifier.model(), data).persist();
    data.flush();
  }

  /**
   * The classifier in {@code in} when its fingerprint is {@code fingerprint}; empty when it was
   * trained from anything else.
   */
  public static Optional<OpenNlpIntentClassifier> read(InputStream in, String fingerprint,
      OpenNlpSettings settings, TextNormaliser normaliser) {
    try {
      DataInputStream data = new DataInputStream(new BufferedInputStream(in));
      if (!FORMAT.equals(data.readUTF()) || !fingerprint.equals(data.readUTF())) {
        return Optional.empty();
      }
      AbstractModel model = new GenericModelReader(new BinaryFileDataReader(data)).getModel();
      return Optional.of(new OpenNlpIntentClassifier(model,
          new IntentModelTrainer(settings).featureGenerators(), normaliser,
          settings.typoCorrection()));
    } catch (IOException e) {
      throw new UncheckedIOException("the packaged intent model could not be read", e);
    }
  }

  private static void update(MessageDigest digest, String value) {
    digest.update(value.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
