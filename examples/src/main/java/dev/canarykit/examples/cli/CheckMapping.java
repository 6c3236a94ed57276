package dev.canarykit.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricTemplate;
import dev.canarykit.k8s.FlaggerDocuments;
import dev.canarykit.k8s.MetricTemplateMapping;
import dev.canarykit.k8s.resource.MetricTemplateResourceSpec;
import java.util.Optional;

/**
 * Maps documents that {@link dev.canarykit.k8s.FlaggerDocuments} found valid to the core model with canary-k8s's
 * mapping ({@link dev.canarykit.k8s.CanaryMapping}, {@link MetricTemplateMapping}).
 */
final class CheckMapping {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private CheckMapping() {}

  /** The Canary with canarykit's annotation options applied (the judge's policy), as {@code simulate} reads it. */
  static Optional<Canary> canary(JsonNode doc) {
    try {
      return Optional.of(FlaggerDocuments.toCanary(doc));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static Optional<MetricTemplate> template(JsonNode doc) {
    return spec(doc, MetricTemplateResourceSpec.class)
        .map(s -> MetricTemplateMapping.toCore(name(doc), namespace(doc), s));
  }

  private static <T> Optional<T> spec(JsonNode doc, Class<T> type) {
    try {
      return Optional.ofNullable(MAPPER.treeToValue(doc.get("spec"), type));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String name(JsonNode doc) {
    return doc.path("metadata").path("name").asText(null);
  }

  private static String namespace(JsonNode doc) {
    JsonNode ns = doc.path("metadata").path("namespace");
    return ns.isTextual() ? ns.asText() : null;
  }
}
