package dev.canarykit.istio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers for the JSON-like trees the Istio specs are built from. */
final class Trees {
  private Trees() {}

  /** A mutable object from key/value pairs, leaving out {@code null} values, empty lists and empty maps. */
  static Map<String, Object> object(Object... keysAndValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      put(out, (String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return out;
  }

  /** Puts {@code value} unless it is {@code null}, an empty list or an empty map. */
  static void put(Map<String, Object> target, String key, Object value) {
    boolean empty = value == null || value instanceof List<?> l && l.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty();
    if (!empty) {
      target.put(key, value);
    }
  }

  /** The object under {@code key}, or an empty map. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> child(Map<String, ?> tree, String key) {
    Object v = tree == null ? null : tree.get(key);
    return v instanceof Map<?, ?> ? (Map<String, Object>) v : Map.of();
  }

  /** The list of objects under {@code key}, or an empty list. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> children(Map<String, ?> tree, String key) {
    Object v = tree == null ? null : tree.get(key);
    return v instanceof List<?> ? (List<Map<String, Object>>) v : List.of();
  }

  /** The string under {@code key}, or an empty string. */
  static String text(Map<String, ?> tree, String key) {
    Object v = tree == null ? null : tree.get(key);
    return v == null ? "" : v.toString();
  }

  /** A mutable deep copy of a tree of maps and lists. */
  @SuppressWarnings("unchecked")
  static <T> T mutableCopy(T value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put((String) k, mutableCopy(v)));
      return (T) out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(mutableCopy(v)));
      return (T) out;
    }
    return value;
  }
}
