package dev.canarykit.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarykit.core.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The types the API server requires of every object's identity: {@code apiVersion} and {@code kind} are strings,
 * {@code metadata} is an object whose {@code name}, {@code generateName} and {@code namespace} are strings and whose
 * {@code labels} and {@code annotations} map strings to strings. Each wrong type is a violation at its path.
 */
final class DocumentShape {
  private static final List<String> STRINGS = List.of("name", "generateName", "namespace");
  private static final List<String> STRING_MAPS = List.of("labels", "annotations");

  private DocumentShape() {}

  /** Wrong types of {@code apiVersion} and {@code kind}: the document cannot be identified. */
  static List<Violation> identity(JsonNode doc) {
    List<Violation> out = new ArrayList<>();
    string(doc, "apiVersion", "apiVersion", out);
    string(doc, "kind", "kind", out);
    return out;
  }

  /** Wrong types in {@code metadata}. */
  static List<Violation> metadata(JsonNode doc) {
    List<Violation> out = new ArrayList<>();
    JsonNode m = doc.get("metadata");
    if (m == null || m.isNull()) {
      return out;
    }
    if (!m.isObject()) {
      out.add(new Violation("metadata", null, "must be an object"));
      return out;
    }
    STRINGS.forEach(f -> string(m, f, "metadata." + f, out));
    for (String f : STRING_MAPS) {
      JsonNode map = m.get(f);
      if (map == null || map.isNull()) {
        continue;
      }
      if (!map.isObject()) {
        out.add(new Violation("metadata." + f, null, "must be an object"));
        continue;
      }
      for (Map.Entry<String, JsonNode> e : map.properties()) {
        string(map, e.getKey(), "metadata." + f + "." + e.getKey(), out);
      }
    }
    return out;
  }

  /** The text of a string field, or {@code null} when it is missing, null or not a string. */
  static String text(JsonNode n) {
    return n != null && n.isTextual() ? n.asText() : null;
  }

  private static void string(JsonNode parent, String field, String path, List<Violation> out) {
    JsonNode v = parent.get(field);
    if (v != null && !v.isNull() && !v.isTextual()) {
      out.add(new Violation(path, v.isValueNode() ? v.asText() : null, "must be a string"));
    }
  }
}
