package org.helpline.nlu.opennlp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Character n-grams inside each word, with word-boundary marks, so that a typo such as
 * "imunotherapy" still shares most of its features with "immunotherapy".
 */
public final class CharNGramFeatureGenerator implements FeatureGenerator {

  static final int MIN = 4;
  static final int MAX = 4;
  /** Shorter words get no n-grams. */
  static final int MIN_WORD = 5;
  static final String PREFIX = "c=";

  /** Public and without arguments because OpenNLP re-creates generators by class name. */
  public CharNGramFeatureGenerator() {
  }

  @Override
  public Collection<String> extractFeatures(String[] words, Map<String, Object> extraInformation) {
    List<String> features = new ArrayList<>();
    for (String word : words) {
      if (word.length() < MIN_WORD) {
        continue; // short words are covered by the bag-of-words features
      }
      String marked = "<" + word + ">";
      for (int n = MIN; n <= MAX; n++) {
        for (int i = 0; i + n <= marked.length(); i++) {
          features.add(PREFIX + marked.substring(i, i + n));
        }
      }
    }
    return features;
  }
}
