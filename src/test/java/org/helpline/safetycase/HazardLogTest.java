package org.helpline.safetycase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.helpline.support.RealBot;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.annotation.Testable;

/**
 * Keeps the clinical safety case true: every hazard in docs/clinical-safety/hazard-log.yml is
 * complete, scored on the matrix in docs/clinical-safety/README.md, and every control names
 * tests that exist. A renamed or deleted test fails here, naming the hazard, so the evidence
 * the Clinical Safety Officer reads cannot quietly go stale.
 */
class HazardLogTest {

  static final Path LOG = RealBot.PROJECT.resolve("docs/clinical-safety/hazard-log.yml");

  /**
   * Risk = MATRIX[likelihood - 1][severity - 1]: the 5 x 5 matrix of DCB0129 practice (rows
   * very low to very high likelihood, columns minor to catastrophic severity).
   */
  static final int[][] MATRIX = {
      {1, 1, 2, 2, 3},
      {1, 2, 2, 3, 4},
      {2, 2, 3, 3, 4},
      {2, 3, 3, 4, 5},
      {3, 4, 4, 5, 5}};

  /** The whole log; unknown fields fail, so a misspelt {@code verifiedBy} is not ignored. */
  record HazardLog(String system, String status, List<Hazard> hazards) {
  }

  /** One hazard, as DCB0129 asks for it. */
  record Hazard(String id, String title, String cause, String effect, String harm,
      Risk initialRisk, List<Control> controls, Risk residualRisk, String status,
      List<String> gaps) {
  }

  /** Likelihood and severity (1-5 each) and the risk the matrix gives them. */
  record Risk(Integer likelihood, Integer severity, Integer risk) {
  }

  /** A control and the tests that show it works. */
  record Control(String description, List<String> verifiedBy) {
  }

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @Test
  void everyHazardIsCompleteScoredAndVerifiedByTestsThatExist() throws IOException {
    HazardLog log = YAML.readValue(LOG.toFile(), HazardLog.class);
    assertTrue(log.hazards() != null && log.hazards().size() >= 18, "too few hazards in " + LOG);
    List<String> problems = problems(log);
    assertEquals(List.of(), problems, LOG + " has problems");
  }

  @Test
  void aBadLogIsReportedWithTheHazardAndTheBadName() throws IOException {
    HazardLog bad = YAML.readValue("""
        hazards:
          - id: H01
            title: Missing its harm, badly scored, naming tests that do not exist
            cause: c
            effect: e
            initialRisk: {likelihood: 6, severity: 3, risk: 3}
            controls:
              - description: names nothing
              - description: names a class, a method and a helper that are not tests
                verifiedBy:
                  - %s
                  - %s
                  - %s
            residualRisk: {likelihood: 2, severity: 3, risk: 4}
            status: closed
          - id: H02
            title: No controls at all
            cause: c
            effect: e
            harm: h
            initialRisk: {likelihood: 1, severity: 1, risk: 1}
            residualRisk: {likelihood: 1, severity: 1, risk: 1}
            status: open
        """
        .formatted("org.helpline.NoSuchTest",
            "org.helpline.safety.SafetyScreenTest#noSuchMethod",
            "org.helpline.channel.twilio.TwilioWebhookResourceTest#getConfigOverrides"),
        HazardLog.class);
    assertEquals(List.of(
        "H01: missing harm",
        "H01: initialRisk likelihood 6 is not 1-5",
        "H01: residualRisk risk 4, but the matrix gives 2 for likelihood 2 x severity 3",
        "H01: status closed is not open or mitigated",
        "H01: control 1 (names nothing) names no test",
        "H01: no test class org.helpline.NoSuchTest",
        "H01: no test method noSuchMethod on org.helpline.safety.SafetyScreenTest",
        "H01: no test method getConfigOverrides on "
            + "org.helpline.channel.twilio.TwilioWebhookResourceTest",
        "H02: has no control"), problems(bad));
  }

  @Test
  void inheritedAndParameterisedTestsAndWholeClassesCount() {
    for (String name : List.of(
        "org.helpline.storage.H2ConversationStoreTest#personalDataIsRedactedBeforeItIsStored",
        "org.helpline.safety.SafetyScreenTest#theRealRulesEscalateEmergenciesAndCrises",
        "org.helpline.fuzz.HostileTextPropertyTest#anEmergencyInsideRandomNoiseStillEscalates",
        "org.helpline.handoff.HelplineHoursTest")) {
      assertNull(testProblem(name), name);
    }
  }

  static List<String> problems(HazardLog log) {
    List<String> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Hazard h : log.hazards()) {
      String id = h.id() == null ? "(no id)" : h.id();
      if (h.id() == null || !h.id().matches("H\\d{2,3}") || !ids.add(h.id())) {
        problems.add(id + ": id must be H01, H02, ... and unique");
      }
      for (String[] field : new String[][] {{"title", h.title()}, {"cause", h.cause()},
          {"effect", h.effect()}, {"harm", h.harm()}, {"status", h.status()}}) {
        if (field[1] == null || field[1].isBlank()) {
          problems.add(id + ": missing " + field[0]);
        }
      }
      checkRisk(problems, id, "initialRisk", h.initialRisk());
      checkRisk(problems, id, "residualRisk", h.residualRisk());
      if (h.status() != null && !Set.of("open", "mitigated").contains(h.status())) {
        problems.add(id + ": status " + h.status() + " is not open or mitigated");
      }
      if (h.controls() == null || h.controls().isEmpty()) {
        problems.add(id + ": has no control");
        continue;
      }
      for (int i = 0; i < h.controls().size(); i++) {
        Control c = h.controls().get(i);
        if (c.description() == null || c.description().isBlank()) {
          problems.add(id + ": control " + (i + 1) + " has no description");
        }
        if (c.verifiedBy() == null || c.verifiedBy().isEmpty()) {
          problems.add(id + ": control " + (i + 1) + " (" + c.description() + ") names no test");
          continue;
        }
        for (String test : c.verifiedBy()) {
          String problem = testProblem(test);
          if (problem != null) {
            problems.add(id + ": " + problem);
          }
        }
      }
    }
    return problems;
  }

  private static void checkRisk(List<String> problems, String id, String name, Risk r) {
    if (r == null || r.likelihood() == null || r.severity() == null || r.risk() == null) {
      problems.add(id + ": missing " + name + " (likelihood, severity and risk)");
      return;
    }
    boolean inRange = true;
    for (Object[] part : new Object[][] {{"likelihood", r.likelihood()},
        {"severity", r.severity()}, {"risk", r.risk()}}) {
      int value = (Integer) part[1];
      if (value < 1 || value > 5) {
        problems.add(id + ": " + name + " " + part[0] + " " + value + " is not 1-5");
        inRange = false;
      }
    }
    int expected = inRange ? MATRIX[r.likelihood() - 1][r.severity() - 1] : r.risk();
    if (r.risk() != expected) {
      problems.add(id + ": " + name + " risk " + r.risk() + ", but the matrix gives " + expected
          + " for likelihood " + r.likelihood() + " x severity " + r.severity());
    }
  }

  /** Null when {@code Class} or {@code Class#method} names a JUnit test; else what is wrong. */
  static String testProblem(String name) {
    String[] parts = name.split("#", 2);
    Class<?> type;
    try {
      // Not initialised: some test classes train the real model in a static field.
      type = Class.forName(parts[0], false, HazardLogTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return "no test class " + parts[0];
    }
    String method = parts.length == 2 ? parts[1] : null;
    // Superclasses too (the H2 store tests inherit theirs); any parameters (parameterised tests).
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if ((method == null || m.getName().equals(method)) && isTest(m)) {
          return null;
        }
      }
    }
    return method == null ? "no test methods in " + parts[0]
        : "no test method " + method + " on " + parts[0];
  }

  /** JUnit's Test, ParameterizedTest and TestFactory and jqwik's Property are all @Testable. */
  private static boolean isTest(Method m) {
    for (Annotation a : m.getAnnotations()) {
      if (isTestable(a.annotationType(), new HashSet<>())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTestable(Class<? extends Annotation> type, Set<Class<?>> seen) {
    if (type == Testable.class) {
      return true;
    }
    if (!seen.add(type)) {
      return false;
    }
    for (Annotation meta : type.getAnnotations()) {
      if (isTestable(meta.annotationType(), seen)) {
        return true;
      }
    }
    return false;
  }
}
