package dev.canarykit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarykit.core.internal.simulation.Scenario;
import dev.canarykit.core.internal.simulation.VersionProfile;
import dev.canarykit.k8s.ManifestYaml;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the simulator's scenario file (YAML; rates are fractions, latencies milliseconds):
 *
 * <pre>
 * scenarios:
 *   - name: healthy-busy
 *     requestsPerSecond: 300
 *     primary: {errorRate: 0.002, latencyP50Ms: 20, latencyP99Ms: 150}
 *     canary:  {errorRate: 0.002, latencyP50Ms: 20, latencyP99Ms: 150}
 *     regression: false
 * </pre>
 */
final class ScenarioFile {
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
    JsonNode list = docs.isEmpty() ? null : docs.get(0).tree().get("scenarios");
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
    return new Scenario(name.asText(), rps, profile(s.get("primary"), path + ".primary"),
        profile(s.get("canary"), path + ".canary"), regression != null && regression.asBoolean());
  }

  private static VersionProfile profile(JsonNode p, String path) throws Invalid {
    if (p == null || !p.isObject()) {
      throw new Invalid(path + ": is required");
    }
    double errorRate = number(p, "errorRate", path);
    double p50 = number(p, "latencyP50Ms", path);
    double p99 = number(p, "latencyP99Ms", path);
    try {
      return new VersionProfile(errorRate, p50, p99);
    } catch (IllegalArgumentException e) {
      throw new Invalid(path + ": " + e.getMessage());
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
