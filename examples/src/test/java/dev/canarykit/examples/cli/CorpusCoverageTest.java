package dev.canarykit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.canarykit.k8s.resource.CanaryResourceSpec;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The corpus sets every field of Flagger's Canary spec at least once (list items as {@code []}). */
class CorpusCoverageTest {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void everyCanarySpecFieldAppearsInTheCorpus() throws IOException {
    Set<String> flagger = new TreeSet<>();
    fields(CanaryResourceSpec.class, "spec", flagger);
    Set<String> written = new TreeSet<>();
    for (JsonNode doc : canaries()) {
      paths(doc.get("spec"), "spec", written);
    }
    // The records read these, but Flagger's v1beta1 schema prunes them (canarykit warns and ignores them).
    flagger.removeIf(p -> p.startsWith("spec.canaryAnalysis") || p.endsWith("Ref.apiVersion") && p.contains("[]")
        || p.endsWith("Ref.kind") && p.contains("[]"));
    flagger.removeAll(written);
    assertThat(flagger).as("Flagger fields no corpus Canary sets").isEmpty();
  }

  private static List<JsonNode> canaries() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Stream.concat(Files.list(CliRun.CORPUS.resolve("valid")),
        Stream.of(CliRun.CORPUS.resolve("other-providers.yaml")))) {
      files = s.toList();
    }
    List<JsonNode> out = new java.util.ArrayList<>();
    for (Path f : files) {
      YAML.readerFor(JsonNode.class).readValues(f.toFile()).forEachRemaining(n -> {
        JsonNode node = (JsonNode) n;
        if (node != null && "Canary".equals(node.path("kind").asText())) {
          out.add(node);
        }
      });
    }
    return out;
  }

  private static void fields(Class<?> record, String path, Set<String> out) {
    for (RecordComponent c : record.getRecordComponents()) {
      String p = path + "." + c.getName();
      out.add(p);
      Type t = c.getGenericType();
      if (t instanceof Class<?> cls && cls.isRecord()) {
        fields(cls, p, out);
      } else if (t instanceof ParameterizedType pt && pt.getRawType() == List.class
          && pt.getActualTypeArguments()[0] instanceof Class<?> item && item.isRecord()) {
        fields(item, p + "[]", out);
      }
    }
  }

  private static void paths(JsonNode node, String path, Set<String> out) {
    if (node.isObject()) {
      node.properties().forEach(e -> {
        out.add(path + "." + e.getKey());
        paths(e.getValue(), path + "." + e.getKey(), out);
      });
    } else if (node.isArray()) {
      node.forEach(item -> paths(item, path + "[]", out));
    }
  }
}
