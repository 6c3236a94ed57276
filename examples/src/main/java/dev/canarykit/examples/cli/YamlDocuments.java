package dev.canarykit.examples.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Splits YAML text into its documents, each with the line it starts on; duplicate keys are errors. */
final class YamlDocuments {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private YamlDocuments() {}

  /**
   * A document.
   *
   * @param line the 1-based line it starts on
   * @param tree its content; never {@code null}, empty documents are left out
   */
  record Document(int line, JsonNode tree) {}

  /** Thrown when the text is not YAML. */
  static final class NotYaml extends Exception {
    private static final long serialVersionUID = 1L;
    final int line;

    NotYaml(int line, String reason) {
      super(reason);
      this.line = line;
    }
  }

  static List<Document> parse(String text) throws NotYaml {
    List<Document> out = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
      while (it.hasNextValue()) {
        int line = it.getParser().currentTokenLocation().getLineNr();
        JsonNode n = it.nextValue();
        if (n != null && !n.isNull() && !n.isMissingNode()) {
          out.add(new Document(line, n));
        }
      }
    } catch (JsonProcessingException e) {
      throw notYaml(e);
    } catch (IOException | RuntimeException e) {
      throw new NotYaml(1, String.valueOf(e.getMessage()));
    }
    return out;
  }

  private static NotYaml notYaml(JsonProcessingException e) {
    if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
      return new NotYaml(m.getProblemMark().getLine() + 1, m.getProblem());
    }
    int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
    return new NotYaml(line, e.getOriginalMessage().lines().findFirst().orElse("not YAML"));
  }
}
