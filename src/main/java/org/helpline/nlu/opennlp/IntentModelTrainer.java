package org.helpline.nlu.opennlp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.helpline.nlu.TextNormaliser;
import org.helpline.nlu.TrainingExample;

/**
 * Trains an {@link OpenNlpIntentClassifier} from labelled examples. Training is deterministic:
 * the same examples in the same order give the same model (with one training thread).
 */
public final class IntentModelTrainer {

  private final OpenNlpSettings settings;

  public IntentModelTrainer(OpenNlpSettings settings) {
    this.settings = settings;
  }

  /** Trains on the examples; their text is normalised with the same normaliser used at run time. */
  public OpenNlpIntentClassifier train(List<TrainingExample> examples, TextNormaliser normaliser) {
    List<DocumentSample> samples = new ArrayList<>(examples.size());
    for (TrainingExample example : examples) {
      List<String> tokens = normaliser.tokens(example.text());
      if (!tokens.isEmpty()) {
        samples.add(new DocumentSample(example.intent(), tokens.toArray(String[]::new)));
      }
    }
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no training examples with any words");
    }
    TrainingParameters params = new TrainingParameters();
    params.put(TrainingParameters.ALGORITHM_PARAM, settings.algorithm());
    params.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
    params.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
    params.put(TrainingParameters.THREADS_PARAM, settings.threads());
    if ("MAXENT_QN".equals(settings.algorithm())) {
      params.put("L1Cost", settings.l1Cost());
      params.put("L2Cost", settings.l2Cost());
      params.put("NumOfUpdates", settings.updates());
    }
    try {
      FeatureGenerator[] generators = featureGenerators().toArray(FeatureGenerator[]::new);
      DoccatModel model = DocumentCategorizerME.train("en",
          ObjectStreamUtils.createObjectStream(samples), params, new DoccatFactory(generators));
      return new OpenNlpIntentClassifier(model.getMaxentModel(), List.of(generators),
          normaliser, settings.typoCorrection());
    } catch (IOException e) {
      throw new UncheckedIOException("training the intent model failed", e);
    }
  }

  /** The feature generators these settings train and classify with. */
  List<FeatureGenerator> featureGenerators() throws IOException {
    List<FeatureGenerator> generators = new ArrayList<>();
    generators.add(new BagOfWordsFeatureGenerator());
    if (settings.wordBigrams()) {
      generators.add(new NGramFeatureGenerator(2, 2));
    }
    if (settings.charNgrams()) {
      generators.add(new CharNGramFeatureGenerator());
    }
    return List.copyOf(generators);
  }
}
