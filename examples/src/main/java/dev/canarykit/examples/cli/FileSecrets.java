package dev.canarykit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarykit.core.port.SecretResolver;
import dev.canarykit.core.port.SecretResolver.SecretLookup;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code v1} Secrets of the {@code check} command's files, for MetricTemplate providers' {@code secretRef}:
 * {@code data} (base64) and {@code stringData} (which wins, as on the API server). Values never appear in messages.
 */
final class FileSecrets implements SecretResolver {
  private final Map<String, Map<String, String>> secrets;

  private FileSecrets(Map<String, Map<String, String>> secrets) {
    Map<String, Map<String, String>> copy = new HashMap<>();
    secrets.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
    this.secrets = Map.copyOf(copy);
  }

  static Builder builder() {
    return new Builder();
  }

  /** Whether {@code doc} is a {@code v1} Secret. */
  static boolean isSecret(JsonNode doc) {
    return "v1".equals(doc.path("apiVersion").asText()) && "Secret".equals(doc.path("kind").asText());
  }

  @Override
  public SecretLookup resolve(String namespace, String name) {
    Map<String, String> values = secrets.get(namespace + "/" + name);
    return values == null ? new SecretLookup.Missing() : new SecretLookup.Found(values);
  }

  /** Collects Secrets. */
  static final class Builder {
    private final Map<String, Map<String, String>> secrets = new HashMap<>();

    /** Adds a Secret document; returns why it cannot be used, if it cannot. */
    Optional<String> add(JsonNode doc) {
      String name = doc.path("metadata").path("name").asText("");
      JsonNode nsNode = doc.path("metadata").path("namespace");
      String ns = nsNode.isTextual() && !nsNode.asText().isEmpty() ? nsNode.asText() : "default";
      String id = "Secret " + ns + "/" + name;
      Map<String, String> values = new HashMap<>();
      for (var e : doc.path("data").properties()) {
        try {
          byte[] decoded = Base64.getDecoder().decode(e.getValue().asText().replaceAll("\\s", ""));
          values.put(e.getKey(), new String(decoded, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException bad) {
          return Optional.of(id + ": data." + e.getKey() + ": is not base64");
        }
      }
      doc.path("stringData").properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
      if (secrets.putIfAbsent(ns + "/" + name, values) != null) {
        return Optional.of(id + ": defined twice");
      }
      return Optional.empty();
    }

    FileSecrets build() {
      return new FileSecrets(secrets);
    }
  }
}
