package dev.canarykit.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finds fields of a raw document that a resource record does not declare. Records are walked by their components;
 * lists of records item by item; maps and JSON trees (Istio pass-through blocks) are taken as they are.
 */
final class UnknownFields {
  private UnknownFields() {}

  /** Adds a warning for every field under {@code node} (at {@code path}) that {@code type} does not declare. */
  static void find(JsonNode node, Class<?> type, String path, List<FieldWarning> out) {
    if (node == null || !node.isObject() || !type.isRecord()) {
      return;
    }
    node.properties().forEach(e -> {
      String child = path + "." + e.getKey();
      Optional<RecordComponent> c = component(type, e.getKey());
      if (c.isEmpty()) {
        out.add(new FieldWarning(child, FieldWarning.UNKNOWN));
      } else {
        descend(e.getValue(), c.get().getGenericType(), child, out);
      }
    });
  }

  private static void descend(JsonNode value, Type type, String path, List<FieldWarning> out) {
    if (type instanceof Class<?> cls && cls.isRecord()) {
      find(value, cls, path, out);
    } else if (type instanceof ParameterizedType p && p.getRawType() == List.class && value.isArray()) {
      Type item = p.getActualTypeArguments()[0];
      for (int i = 0; i < value.size(); i++) {
        descend(value.get(i), item, path + "[" + i + "]", out);
      }
    }
  }

  private static Optional<RecordComponent> component(Class<?> type, String name) {
    return Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals(name)).findFirst();
  }
}
