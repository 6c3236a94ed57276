package dev.canarykit.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The {@code openAPIV3Schema} of each kind, read once from the CRDs this jar ships ({@link FlaggerCrds}). */
final class Schemas {
  private static final Map<String, JsonNode> BY_KIND = load();

  private Schemas() {}

  /** The schema of {@code kind} ({@code Canary}, {@code MetricTemplate}, {@code AlertProvider}). */
  static JsonNode of(String kind) {
    JsonNode s = BY_KIND.get(kind);
    if (s == null) {
      throw new IllegalArgumentException("no shipped CRD for kind " + kind);
    }
    return s;
  }

  /** The schema at a dotted path of properties under {@code kind}'s root, e.g. {@code spec.service.match}. */
  static JsonNode at(String kind, String path) {
    JsonNode s = of(kind);
    for (String field : path.split("\\.")) {
      s = s.path("properties").path(field);
    }
    if (s.isMissingNode()) {
      throw new IllegalArgumentException("no schema at " + kind + " " + path);
    }
    return s;
  }

  private static Map<String, JsonNode> load() {
    Map<String, JsonNode> out = new HashMap<>();
    for (String file : FlaggerCrds.FILES) {
      try (InputStream in = Schemas.class.getClassLoader().getResourceAsStream(FlaggerCrds.DIRECTORY + file)) {
        if (in == null) {
          throw new IOException("missing class-path resource " + FlaggerCrds.DIRECTORY + file);
        }
        JsonNode crd = ManifestYaml.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).get(0).tree();
        out.put(crd.path("spec").path("names").path("kind").asText(),
            crd.path("spec").path("versions").get(0).path("schema").path("openAPIV3Schema"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (ManifestYaml.InvalidYaml e) {
        throw new IllegalStateException("shipped CRD " + file + " is not YAML: " + e.getMessage(), e);
      }
    }
    return Map.copyOf(out);
  }
}
