package org.helpline.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads content from a {@link ContentSource}, parses every file and validates the whole, so
 * that a caller gets either a complete {@link Content} or a {@link ContentException} listing
 * every problem. Nothing is ever half-loaded.
 *
 * <p>Formats: {@code intents/<id>.txt} holds one example per line ({@code #} comments, blank
 * lines ignored); {@code intents/_spelling.txt} holds {@code wrong = right} lines;
 * {@code dialogs/**}{@code .yml} are YAML bound to the records of this package (see
 * {@code dialogs/README.md}).
 */
public final class ContentLoader {

  static final String SYSTEM = "dialogs/_system/";

  private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
      .addModule(new JavaTimeModule())
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();
  private final ContentValidator validator;

  public ContentLoader(ContentValidator validator) {
    this.validator = validator;
  }

  /** Loads and validates; throws {@link ContentException} with every problem found. */
  public Content load(ContentSource source) {
    return loadWithWarnings(source).content();
  }

  /**
   * Valid content and the warnings that do not stop it running.
   *
   * @param dueForReview texts whose clinical review is older than the configured maximum age
   * @param awaitingReview texts no clinician has reviewed yet (no {@code reviewed:} date)
   */
  public record Loaded(Content content, List<ContentProblem> dueForReview,
      List<ContentProblem> awaitingReview) {

    public Loaded {
      dueForReview = List.copyOf(dueForReview);
      awaitingReview = List.copyOf(awaitingReview);
    }
  }

  /**
   * Loads and validates like {@link #load}, and also reports the texts due for clinical
   * review and those awaiting their first; throws {@link ContentException} with every problem found.
   */
  public Loaded loadWithWarnings(ContentSource source) {
    List<ContentProblem> problems = new ArrayList<>();
    Map<String, String> raw = new LinkedHashMap<>();
    MessageDigest digest = sha256();
    for (String path : source.files()) {
      byte[] bytes = source.read(path);
      digest.update(path.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(bytes);
      raw.put(path, new String(bytes, StandardCharsets.UTF_8));
    }
    String version = HexFormat.of().formatHex(digest.digest()).substring(0, 12);

    TreeMap<String, List<Example>> intents = new TreeMap<>();
    Map<String, String> spelling = new LinkedHashMap<>();
    Map<String, Dialog> dialogs = new LinkedHashMap<>();
    Map<String, Dialog> systemDialogs = new LinkedHashMap<>();
    ClarifyTexts clarify = null;
    HandoffTexts handoff = null;
    NoticeTexts notices = null;
    HelplineFacts helpline = null;
    SafetyRules safety = null;
    RouteRules routes = null;

    for (Map.Entry<String, String> file : raw.entrySet()) {
      String path = file.getKey();
      String text = file.getValue();
      String name = baseName(path);
      if (path.startsWith("intents/")) {
        if (name.equals("_spelling")) {
          parseSpelling(path, text, spelling, problems);
        } else if (!name.startsWith("_")) {
          intents.put(name, parseExamples(name, path, text));
        }
      } else if (path.startsWith(SYSTEM)) {
        switch (name) {
          case "clarify" -> clarify = parse(path, text, ClarifyTexts.class, problems);
          case "handoff" -> handoff = parse(path, text, HandoffTexts.class, problems);
          case "notices" -> notices = parse(path, text, NoticeTexts.class, problems);
          case "helpline" -> helpline = parse(path, text, HelplineFacts.class, problems);
          case "safety" -> safety = parse(path, text, SafetyRules.class, problems);
          case "routes" -> routes = parse(path, text, RouteRules.class, problems);
          default -> {
            Dialog d = parse(path, text, Dialog.class, problems);
            if (d != null) {
              systemDialogs.put(name, d);
            }
          }
        }
      } else if (path.startsWith("dialogs/")) {
        Dialog d = parse(path, text, Dialog.class, problems);
        if (d != null) {
          dialogs.put(name, d);
        }
      }
    }
    if (intents.isEmpty()) {
      problems.add(new ContentProblem(source.describe(), 0, "no intents found in intents/"));
    }
    Content content = new Content(version, intents, spelling, dialogs, systemDialogs, clarify,
        handoff, notices, helpline, safety, routes);
    problems.addAll(validator.validate(content, raw));
    if (!problems.isEmpty()) {
      throw new ContentException(problems);
    }
    return new Loaded(content, validator.dueForReview(content, raw),
        validator.awaitingReview(content, raw));
  }

  /**
   * The notices alone, from {@code dialogs/_system/notices.yml}: what the error pages say
   * before the whole content is loaded. Checked like the rest when the content loads.
   *
   * @throws ContentException when the file is missing or cannot be read
   */
  public static NoticeTexts readNotices(ContentSource source) {
    String path = SYSTEM + "notices.yml";
    List<ContentProblem> problems = new ArrayList<>();
    NoticeTexts notices = source.files().contains(path) ? parse(path,
        new String(source.read(path), StandardCharsets.UTF_8), NoticeTexts.class, problems)
        : null;
    if (notices == null) {
      problems.add(new ContentProblem(path, 0, "required system file is missing"));
    }
    if (!problems.isEmpty()) {
      throw new ContentException(problems);
    }
    return notices;
  }

  private static <T> T parse(String path, String text, Class<T> type, List<ContentProblem> problems) {
    try {
      T value = YAML.readValue(text, type);
      if (value == null) {
        problems.add(new ContentProblem(path, 1, "file is empty"));
      }
      return value;
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
      problems.add(new ContentProblem(path, line, "cannot read: " + e.getOriginalMessage()));
      return null;
    } catch (IOException e) {
      problems.add(new ContentProblem(path, 1, "cannot read: " + e.getMessage()));
      return null;
    }
  }

  private static List<Example> parseExamples(String intent, String path, String text) {
    List<Example> examples = new ArrayList<>();
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        examples.add(new Example(intent, line, path, i + 1));
      }
    }
    return List.copyOf(examples);
  }

  private static void parseSpelling(String path, String text, Map<String, String> spelling,
      List<ContentProblem> problems) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0 || eq == line.length() - 1) {
        problems.add(new ContentProblem(path, i + 1, "expected 'wrong = right', got: " + line));
      } else {
        spelling.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
      }
    }
  }

  static String baseName(String path) {
    String file = path.substring(path.lastIndexOf('/') + 1);
    int dot = file.lastIndexOf('.');
    return dot < 0 ? file : file.substring(0, dot);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }
}
