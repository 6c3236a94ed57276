package dev.canarykit.istio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Combines extra match conditions (A/B or cookie matches) with the service's own matches (§4.2). */
final class MatchProduct {
  private MatchProduct() {}

  /**
   * Every extra match crossed with every service match: each pair is the service match with the extra match's
   * {@code headers} and {@code sourceLabels} put over it. Without service matches the extra matches are used as
   * they are.
   */
  static List<Map<String, Object>> of(List<Map<String, Object>> extra, List<Map<String, Object>> service) {
    if (service.isEmpty()) {
      return Trees.mutableCopy(extra);
    }
    List<Map<String, Object>> out = new ArrayList<>(extra.size() * service.size());
    for (Map<String, Object> e : extra) {
      for (Map<String, Object> s : service) {
        Map<String, Object> merged = Trees.mutableCopy(s);
        copyIfPresent(e, merged, "headers");
        copyIfPresent(e, merged, "sourceLabels");
        out.add(merged);
      }
    }
    return out;
  }

  private static void copyIfPresent(Map<String, Object> from, Map<String, Object> to, String key) {
    if (from.get(key) != null) {
      to.put(key, Trees.mutableCopy(from.get(key)));
    }
  }
}
