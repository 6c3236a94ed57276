package dev.canarykit.examples.demo;

import java.util.List;
import java.util.Map;

/** Navigation in parsed YAML trees (maps, lists and scalars). */
final class Trees {
  private Trees() {}

  /** The mapping under {@code key}, or an empty map when absent or not a mapping. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Map<String, Object> node, String key) {
    return node != null && node.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : new java.util.HashMap<>();
  }

  /** The mappings in the list under {@code key}; empty when absent. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Map<String, Object> node, String key) {
    if (node == null || !(node.get(key) instanceof List<?> l)) {
      return List.of();
    }
    return l.stream().filter(Map.class::isInstance).map(e -> (Map<String, Object>) e).toList();
  }
}
