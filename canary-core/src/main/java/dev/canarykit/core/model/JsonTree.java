package dev.canarykit.core.model;

import dev.canarykit.core.internal.IstioBlocks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep, immutable copies of JSON-like trees: maps with string keys, lists, strings, numbers, booleans and null.
 *
 * <p>Istio pass-through blocks (service match, rewrite, retries, corsPolicy, headers, trafficPolicy, analysis
 * match) are kept in this form: the core only checks them against Flagger's schema ({@link IstioBlocks}),
 * canary-istio renders them.
 */
final class JsonTree {
  private JsonTree() {}

  /**
   * Returns a deep immutable copy of {@code value}, or {@code null} for {@code null}.
   *
   * @throws IllegalArgumentException if the tree holds something other than maps with string keys, lists,
   *     strings, numbers or booleans
   */
  public static Object copy(Object value) {
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> {
        if (!(k instanceof String key)) {
          throw new IllegalArgumentException("JSON object keys must be strings, but was " + k);
        }
        out.put(key, copy(v));
      });
      return Collections.unmodifiableMap(out);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(copy(v)));
      return Collections.unmodifiableList(out);
    }
    throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
  }

  /** Copies a JSON object, or returns {@code null}. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> copyObject(Map<String, ?> value) {
    return (Map<String, Object>) copy(value);
  }

  /** Copies a list of JSON objects; {@code null} becomes an empty list. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> copyObjects(List<? extends Map<String, ?>> value) {
    return value == null ? List.of() : (List<Map<String, Object>>) copy(value);
  }
}
