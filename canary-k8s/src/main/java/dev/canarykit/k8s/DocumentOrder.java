package dev.canarykit.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Sorts warnings by where their field appears in the document (depth first, as written). */
final class DocumentOrder {
  private DocumentOrder() {}

  static List<FieldWarning> sort(JsonNode doc, List<FieldWarning> warnings) {
    Map<String, Integer> order = new HashMap<>();
    index(doc, "", order);
    return warnings.stream()
        .sorted(Comparator.comparingInt(w -> order.getOrDefault(w.path(), Integer.MAX_VALUE)))
        .toList();
  }

  private static void index(JsonNode node, String path, Map<String, Integer> order) {
    if (node.isObject()) {
      node.properties().forEach(e -> {
        String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        order.putIfAbsent(child, order.size());
        index(e.getValue(), child, order);
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String child = path + "[" + i + "]";
        order.putIfAbsent(child, order.size());
        index(node.get(i), child, order);
      }
    }
  }
}
