package org.helpline.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The six splits of a CLINC150 data file (Larson et al., EMNLP 2019; CC BY 3.0), each a list
 * of labelled queries; every out-of-scope query has the label {@link #OOS}.
 */
public record ClincData(List<LabelledText> train, List<LabelledText> val,
    List<LabelledText> test, List<LabelledText> oosTrain, List<LabelledText> oosVal,
    List<LabelledText> oosTest) {

  /** The label CLINC150 gives out-of-scope queries. */
  public static final String OOS = "oos";

  /** Reads {@code data_full.json} or a sibling file: keys train, val, test, oos_*. */
  public static ClincData read(Path file) {
    try {
      JsonNode root = new ObjectMapper().readTree(file.toFile());
      return new ClincData(split(root, "train"), split(root, "val"), split(root, "test"),
          split(root, "oos_train"), split(root, "oos_val"), split(root, "oos_test"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read CLINC150 data " + file, e);
    }
  }

  private static List<LabelledText> split(JsonNode root, String key) {
    JsonNode list = root.get(key);
    if (list == null || !list.isArray()) {
      throw new IllegalArgumentException("CLINC150 file has no list '" + key + "'");
    }
    List<LabelledText> out = new ArrayList<>(list.size());
    for (JsonNode pair : list) {
      out.add(new LabelledText(pair.get(1).asText(), pair.get(0).asText()));
    }
    return List.copyOf(out);
  }
}
