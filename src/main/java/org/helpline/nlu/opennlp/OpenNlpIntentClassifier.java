package org.helpline.nlu.opennlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.model.MaxentModel;
import org.helpline.nlu.Classification;
import org.helpline.nlu.IntentClassifier;
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
  /** The fast evaluator of an L-BFGS model; null for other model types. */
  private final CompiledMaxentModel compiled;
  /** Corrects words the model never saw; null when the settings leave typos alone. */
  private final TypoCorrector typos;
  /** The model's outcomes (intents) by index. */
  private final String[] intents;

  OpenNlpIntentClassifier(MaxentModel model, List<FeatureGenerator> features,
      TextNormaliser normaliser, boolean correctTypos) {
    this.model = model;
    this.typos = correctTypos ? TypoCorrector.of(model) : null;
    this.features = List.copyOf(features);
    this.normaliser = normaliser;
    this.compiled = CompiledMaxentModel.of(model).orElse(null);
    intents = new String[model.getNumOutcomes()];
    for (int i = 0; i < intents.length; i++) {
      intents[i] = model.getOutcome(i);
    }
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
    String[] words = wordsSeen(tokens);
    double[] probabilities = compiled != null ? compiledEval(words) : model.eval(context(words));
    if (isUniform(probabilities)) {
      // None of the message's features was seen in training: the model knows nothing about
      // it, and an arbitrary "top" intent would only mislead.
      return new Classification(normalised, List.of());
    }
    return Classification.of(normalised, intents, probabilities);
  }

  /** The words the model is given: the tokens, with typos corrected when the settings say so. */
  String[] wordsSeen(List<String> tokens) {
    String[] words = tokens.toArray(String[]::new);
    return typos == null ? words : typos.correct(words);
  }

  /** The features OpenNLP's categoriser would give the model, as strings, in order. */
  String[] context(String[] words) {
    List<String> context = new ArrayList<>();
    for (FeatureGenerator generator : features) {
      context.addAll(generator.extractFeatures(words, Map.of()));
    }
    return context.toArray(String[]::new);
  }

  /** OpenNLP's evaluation of the model on {@link #context}, for tests of the compiled path. */
  double[] openNlpEval(String[] words) {
    return model.eval(context(words));
  }

  /**
   * The same features as {@link #context}, in the same order, as ids of the compiled model;
   * the bag of words and character n-grams are looked up without building their strings.
   */
  double[] compiledEval(String[] words) {
    int[] ids = new int[16 + words.length * 8];
    int count = 0;
    char[] marked = new char[32];
    for (FeatureGenerator generator : features) {
      if (generator.getClass() == BagOfWordsFeatureGenerator.class) {
        // IntentModelTrainer builds it with no arguments: every token, prefix "bow=".
        for (String word : words) {
          ids = grow(ids, count, 1);
          ids[count] = compiled.index("bow=", word);
          count += ids[count] >= 0 ? 1 : 0;
        }
      } else if (generator instanceof CharNGramFeatureGenerator) {
        for (String word : words) {
          if (word.length() < CharNGramFeatureGenerator.MIN_WORD) {
            continue;
          }
          int length = word.length() + 2;
          if (marked.length < length) {
            marked = new char[length * 2];
          }
          marked[0] = '<';
          word.getChars(0, word.length(), marked, 1);
          marked[length - 1] = '>';
          for (int n = CharNGramFeatureGenerator.MIN; n <= CharNGramFeatureGenerator.MAX; n++) {
            ids = grow(ids, count, length);
            for (int i = 0; i + n <= length; i++) {
              ids[count] = compiled.index(CharNGramFeatureGenerator.PREFIX, marked, i, n);
              count += ids[count] >= 0 ? 1 : 0;
            }
          }
        }
      } else {
        for (String feature : generator.extractFeatures(words, Map.of())) {
          ids = grow(ids, count, 1);
          ids[count] = compiled.index(feature);
          count += ids[count] >= 0 ? 1 : 0;
        }
      }
    }
    return compiled.eval(ids, count);
  }

  private static int[] grow(int[] ids, int count, int more) {
    return count + more <= ids.length ? ids : Arrays.copyOf(ids, Math.max(ids.length * 2,
        count + more));
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
