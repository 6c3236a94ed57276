package dev.canarykit.istio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Combines extra match conditions (A/B or cookie matches) with the service's own matches (§4.2), and writes every
 * string match in a form Istio knows.
 */
final class MatchProduct {
  /** Fields of an HTTPMatchRequest that map names to string matches. */
  private static final List<String> STRING_MATCH_MAPS = List.of("headers", "queryParams", "withoutHeaders");
  /** Fields of an HTTPMatchRequest that are one string match. */
  private static final List<String> STRING_MATCHES = List.of("uri", "scheme", "method", "authority");

  private MatchProduct() {}

  /**
   * Every extra match crossed with every service match: each pair is the service match with every condition of the
   * extra match added (maps such as {@code headers}, {@code queryParams} and {@code sourceLabels} are merged key by
   * key, the extra match winning on a key both set). Flagger keeps only the extra match's headers and sourceLabels,
   * which drops its queryParams and lets the A/B route shadow the fallback; canarykit keeps every condition.
   * Without service matches the extra matches are used as they are.
   */
  static List<Map<String, Object>> of(List<Map<String, Object>> extra, List<Map<String, Object>> service) {
    if (service.isEmpty()) {
      return normalized(Trees.mutableCopy(extra));
    }
    List<Map<String, Object>> out = new ArrayList<>(extra.size() * service.size());
    for (Map<String, Object> e : extra) {
      for (Map<String, Object> s : service) {
        Map<String, Object> merged = Trees.mutableCopy(s);
        e.forEach((key, value) -> merged.merge(key, Trees.mutableCopy(value), MatchProduct::combine));
        out.add(merged);
      }
    }
    return normalized(out);
  }

  /** The matches with every string match Istio does not know rewritten (see {@link #stringMatch}). */
  static List<Map<String, Object>> normalized(List<Map<String, Object>> matches) {
    List<Map<String, Object>> out = new ArrayList<>(matches.size());
    for (Map<String, Object> m : matches) {
      Map<String, Object> copy = new LinkedHashMap<>(m);
      for (String f : STRING_MATCHES) {
        copy.computeIfPresent(f, (k, v) -> stringMatch(v));
      }
      for (String f : STRING_MATCH_MAPS) {
        if (copy.get(f) instanceof Map<?, ?> byName) {
          Map<String, Object> each = new LinkedHashMap<>();
          byName.forEach((name, v) -> each.put(String.valueOf(name), stringMatch(v)));
          copy.put(f, each);
        }
      }
      out.add(copy);
    }
    return out;
  }

  /**
   * Istio's StringMatch has {@code exact}, {@code prefix} and {@code regex}. Flagger's A/B schema also accepts
   * {@code suffix}, which Istio would drop, leaving {@code {}}: a match of every request that carries the header.
   * A suffix is written as the RE2 regex {@code .*<quoted suffix>} instead, so no empty match is ever written.
   */
  static Object stringMatch(Object value) {
    if (value instanceof Map<?, ?> m && m.get("suffix") instanceof String suffix && !m.containsKey("regex")
        && !m.containsKey("exact") && !m.containsKey("prefix")) {
      return Trees.object("regex", ".*" + quote(suffix));
    }
    return value;
  }

  /** {@code s} with every RE2 metacharacter escaped. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (char c : s.toCharArray()) {
      if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  @SuppressWarnings("unchecked")
  private static Object combine(Object service, Object extra) {
    if (service instanceof Map<?, ?> s && extra instanceof Map<?, ?> e) {
      Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) s);
      merged.putAll((Map<String, Object>) e);
      return merged;
    }
    return extra;
  }
}
