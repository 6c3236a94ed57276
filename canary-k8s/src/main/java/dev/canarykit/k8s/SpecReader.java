package dev.canarykit.k8s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.canarykit.core.validation.Violation;
import java.util.List;
import java.util.Map;

/**
 * Reads a raw {@code spec} tree into a resource record as strictly as the Kubernetes API server would: no
 * string-to-number or number-to-string coercion, no truncated floats. A type mismatch is a {@link Violation} at
 * the mismatched field, never an exception.
 */
final class SpecReader {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .build();

  private SpecReader() {}

  /**
   * The record read from {@code node}, or the violation that prevented it.
   *
   * @param value the record, or {@code null} (also when {@code node} is missing)
   * @param error what is wrong, or {@code null}
   */
  record Read<T>(T value, Violation error) {}

  static <T> Read<T> read(JsonNode node, Class<T> type, String root) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return new Read<>(null, null);
    }
    try {
      return new Read<>(MAPPER.treeToValue(node, type), null);
    } catch (JsonMappingException e) {
      return new Read<>(null, new Violation(path(root, e.getPath()), null, message(e)));
    } catch (JsonProcessingException e) {
      return new Read<>(null, new Violation(root, null, e.getOriginalMessage()));
    }
  }

  private static String path(String root, List<JsonMappingException.Reference> refs) {
    StringBuilder b = new StringBuilder(root);
    for (JsonMappingException.Reference r : refs) {
      if (r.getFieldName() != null) {
        b.append('.').append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  private static String message(JsonMappingException e) {
    Class<?> t = e instanceof MismatchedInputException m ? m.getTargetType() : null;
    if (t == null) {
      return e.getOriginalMessage();
    }
    if (t == Integer.class || t == int.class) {
      return "must be an integer";
    }
    if (t == Double.class || t == double.class) {
      return "must be a number";
    }
    if (t == Boolean.class || t == boolean.class) {
      return "must be true or false";
    }
    if (t == String.class) {
      return "must be a string";
    }
    if (List.class.isAssignableFrom(t)) {
      return "must be a list";
    }
    return Map.class.isAssignableFrom(t) || t.isRecord() ? "must be an object" : e.getOriginalMessage();
  }
}
