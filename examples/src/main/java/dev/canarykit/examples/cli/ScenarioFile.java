package dev.canarykit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarykit.core.internal.simulation.Scenario;
import dev.canarykit.core.internal.simulation.VersionProfile;
import dev.canarykit.k8s.ManifestYaml;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the simulator's scenario file (YAML; rates are fractions, latencies milliseconds). Every field but the
 * first five is optional; absent, the world is ideal (no load test, independent failures, warm pods, steady
 * traffic). A field the file does not know is an error naming it and its path, so that a typo cannot silently
 * simulate the ideal world.
 *
 * <pre>
 * scenarios:
 *   - name: seed-like
 *     requestsPerSecond: 20
 *     primary: {errorRate: 0.001, latencyP50Ms: 30, latencyP99Ms: 200}
 *     canary:  {errorRate: 0.01,  latencyP50Ms: 30, latencyP99Ms: 200}
 *     regression: true
 *     loadTest: {requestsPerSecond: 20, errorRate: 0.0, latencyP50Ms: 5, latencyP99Ms: 20}
 *     failureClusterMean: 5
 *     warmup: {seconds: 60, latencyFactor: 3}
 *     trafficPattern: {amplitude: 0.5, periodMinutes: 30}
 *     segmentOnPrimary: {errorRate: 0.004, latencyP50Ms: 40, latencyP99Ms: 300}
 * </pre>
 */
final class ScenarioFile {
  private static final Set<String> SCENARIO = Set.of("name", "requestsPerSecond", "primary", "canary", "regression",
      "loadTest", "failureClusterMean", "warmup", "trafficPattern", "segmentOnPrimary");
  private static final Set<String> PROFILE = Set.of("errorRate", "latencyP50Ms", "latencyP99Ms");
  private static final Set<String> LOAD_TEST = Set.of("requestsPerSecond", "errorRate", "latencyP50Ms",
      "latencyP99Ms");
  private static final Set<String> WARMUP = Set.of("seconds", "latencyFactor");
  private static final Set<String> PATTERN = Set.of("amplitude", "periodMinutes");

  private ScenarioFile() {}

  /** A problem in the file, naming the field. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }

  static List<Scenario> parse(String text) throws Invalid {
    List<ManifestYaml.Document> docs;
    try {
      docs = ManifestYaml.parse(text);
    } catch (ManifestYaml.InvalidYaml e) {
      throw new Invalid("not YAML (line " + e.line() + "): " + e.getMessage());
    }
    if (docs.size() > 1) {
      throw new Invalid("holds " + docs.size() + " YAML documents; expected one");
    }
    JsonNode root = docs.isEmpty() ? null : docs.get(0).tree();
    if (root != null && root.isObject()) {
      known(root, Set.of("scenarios"), "");
    }
    JsonNode list = root == null ? null : root.get("scenarios");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new Invalid("scenarios: must be a non-empty list");
    }
    List<Scenario> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      out.add(scenario(list.get(i), "scenarios[" + i + "]"));
    }
    return out;
  }

  private static Scenario scenario(JsonNode s, String path) throws Invalid {
    object(s, path, SCENARIO);
    JsonNode name = s.get("name");
    if (name == null || !name.isTextual() || name.asText().isBlank()) {
      throw new Invalid(path + ".name: is required");
    }
    JsonNode regression = s.get("regression");
    if (regression != null && !regression.isBoolean()) {
      throw new Invalid(path + ".regression: must be true or false, but was " + regression);
    }
    double rps = number(s, "requestsPerSecond", path);
    if (!(rps > 0)) {
      throw new Invalid(path + ".requestsPerSecond: must be > 0, but was " + rps);
    }
    try {
      return new Scenario(name.asText(), rps, profile(s.get("primary"), path + ".primary"),
          profile(s.get("canary"), path + ".canary"), regression != null && regression.asBoolean(),
          loadTest(s.get("loadTest"), path + ".loadTest"), clusterMean(s, path), warmup(s.get("warmup"),
          path + ".warmup"), pattern(s.get("trafficPattern"), path + ".trafficPattern"),
          s.has("segmentOnPrimary") ? profile(s.get("segmentOnPrimary"), path + ".segmentOnPrimary") : null);
    } catch (IllegalArgumentException e) {
      throw new Invalid(path + ": " + e.getMessage());
    }
  }

  private static double clusterMean(JsonNode s, String path) throws Invalid {
    if (!s.has("failureClusterMean")) {
      return 1;
    }
    double m = number(s, "failureClusterMean", path);
    if (!(m >= 1 && m <= 1000)) {
      throw new Invalid(path + ".failureClusterMean: must be from 1 to 1000, but was " + m);
    }
    return m;
  }

  private static Scenario.LoadTest loadTest(JsonNode t, String path) throws Invalid {
    if (t == null) {
      return null;
    }
    object(t, path, LOAD_TEST);
    double rps = number(t, "requestsPerSecond", path);
    if (!(rps > 0)) {
      throw new Invalid(path + ".requestsPerSecond: must be > 0, but was " + rps);
    }
    return new Scenario.LoadTest(rps, versionProfile(t, path));
  }

  private static Scenario.Warmup warmup(JsonNode w, String path) throws Invalid {
    if (w == null) {
      return null;
    }
    object(w, path, WARMUP);
    double seconds = number(w, "seconds", path);
    double factor = number(w, "latencyFactor", path);
    try {
      return new Scenario.Warmup(seconds, factor);
    } catch (IllegalArgumentException e) {
      throw new Invalid(path + ": " + e.getMessage());
    }
  }

  private static Scenario.TrafficPattern pattern(JsonNode p, String path) throws Invalid {
    if (p == null) {
      return null;
    }
    object(p, path, PATTERN);
    try {
      return new Scenario.TrafficPattern(number(p, "amplitude", path), number(p, "periodMinutes", path));
    } catch (IllegalArgumentException e) {
      throw new Invalid(path + ": " + e.getMessage());
    }
  }

  private static VersionProfile profile(JsonNode p, String path) throws Invalid {
    object(p, path, PROFILE);
    return versionProfile(p, path);
  }

  private static VersionProfile versionProfile(JsonNode p, String path) throws Invalid {
    double errorRate = number(p, "errorRate", path);
    double p50 = number(p, "latencyP50Ms", path);
    double p99 = number(p, "latencyP99Ms", path);
    try {
      return new VersionProfile(errorRate, p50, p99);
    } catch (IllegalArgumentException e) {
      throw new Invalid(path + ": " + e.getMessage());
    }
  }

  /** {@code node} must be a mapping whose fields are all in {@code fields}. */
  private static void object(JsonNode node, String path, Set<String> fields) throws Invalid {
    if (node == null || !node.isObject()) {
      throw new Invalid(path + ": is required" + (node == null ? "" : " as a mapping, but was " + node));
    }
    known(node, fields, path + ".");
  }

  private static void known(JsonNode node, Set<String> fields, String prefix) throws Invalid {
    for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
      String field = it.next();
      if (!fields.contains(field)) {
        throw new Invalid(prefix + field + ": unknown field (known: " + String.join(", ", new java.util.TreeSet<>(
            fields)) + ")");
      }
    }
  }

  private static double number(JsonNode node, String field, String path) throws Invalid {
    JsonNode v = node.get(field);
    if (v == null || !v.isNumber()) {
      throw new Invalid(path + "." + field + ": must be a number, but was " + (v == null ? "missing" : v));
    }
    return v.asDouble();
  }
}
