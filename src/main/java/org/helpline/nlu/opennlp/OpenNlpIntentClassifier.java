package org.helpline.nlu.opennlp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.model.MaxentModel;
import org.helpline.nlu.Classification;
import org.helpline.nlu.IntentClassifier;
import org.helpline.nlu.IntentScore;
import org.helpline.nlu.TextNormaliser;

/**
 * Intent classifier backed by an OpenNLP maxent model trained as a document categoriser.
 *
 * <p>It evaluates the trained {@link MaxentModel} directly with the same feature generators
 * used in training, instead of building a {@code DocumentCategorizerME} per call: that class
 * is not documented as thread-safe, and building one re-creates the feature generators by
 * class name through OpenNLP's extension loader, which cannot see application classes under
 * Quarkus's class loaders. The model's {@code eval} keeps no state between calls, so one
 * instance serves all threads (see {@code OpenNlpIntentClassifierTest}).
 */
public final class OpenNlpIntentClassifier implements IntentClassifier {

  private final MaxentModel model;
  private final List<FeatureGenerator> features;
  private final TextNormaliser normaliser;

  OpenNlpIntentClassifier(MaxentModel model, List<FeatureGenerator> features,
      TextNormaliser normaliser) {
    this.model = model;
    this.features = List.copyOf(features);
    this.normaliser = normaliser;
  }

  /** The trained model (for {@link PackagedModel}). */
  MaxentModel model() {
    return model;
  }

  @Override
  public Classification classify(String text) {
    List<String> tokens = normaliser.tokens(text);
    String normalised = String.join(" ", tokens);
    if (tokens.isEmpty()) {
      return new Classification(normalised, List.of());
    }
    String[] words = tokens.toArray(String[]::new);
    List<String> context = new ArrayList<>();
    for (FeatureGenerator generator : features) {
      context.addAll(generator.extractFeatures(words, Map.of()));
    }
    double[] probabilities = model.eval(context.toArray(String[]::new));
    if (isUniform(probabilities)) {
      // None of the message's features was seen in training: the model knows nothing about
      // it, and an arbitrary "top" intent would only mislead.
      return new Classification(normalised, List.of());
    }
    List<IntentScore> ranking = new ArrayList<>(probabilities.length);
    for (int i = 0; i < probabilities.length; i++) {
      ranking.add(new IntentScore(model.getOutcome(i), probabilities[i]));
    }
    ranking.sort(Comparator.comparingDouble(IntentScore::confidence).reversed()
        .thenComparing(IntentScore::intent));
    return new Classification(normalised, ranking);
  }

  private static boolean isUniform(double[] probabilities) {
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (double p : probabilities) {
      min = Math.min(min, p);
      max = Math.max(max, p);
    }
    return max - min < 1e-9;
  }
}
