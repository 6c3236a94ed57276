package dev.canarykit.istio;

import dev.canarykit.core.internal.IstioBlocks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What Istio requires of the routes canarykit writes: hosts unless delegated, a destination with a host on every
 * route, weights between 0 and 100 that sum to 100 on every route, a mirror percentage between 0 and 100, and no
 * match without a condition (Istio would match every request with it).
 */
final class RouteChecks {
  private RouteChecks() {}

  /** Every problem of {@code spec}, each naming the route and the bad value; empty when Istio accepts it. */
  static List<String> problems(Map<String, Object> spec, boolean delegate) {
    List<String> out = new ArrayList<>();
    if (!delegate && Trees.children(spec, "hosts").isEmpty()) {
      out.add("spec.hosts is empty");
    }
    List<Map<String, Object>> http = Trees.children(spec, "http");
    List<Map<String, Object>> tcp = Trees.children(spec, "tcp");
    if (http.isEmpty() && tcp.isEmpty()) {
      out.add("spec has no http or tcp route");
    }
    checkAll(out, "http", http);
    checkAll(out, "tcp", tcp);
    return out;
  }

  private static void checkAll(List<String> out, String kind, List<Map<String, Object>> routes) {
    for (int i = 0; i < routes.size(); i++) {
      check(out, "spec." + kind + "[" + i + "]", routes.get(i));
    }
  }

  private static void check(List<String> out, String path, Map<String, Object> route) {
    List<Map<String, Object>> destinations = Trees.children(route, "route");
    if (destinations.isEmpty()) {
      out.add(path + " has no destination");
    }
    int sum = 0;
    for (int i = 0; i < destinations.size(); i++) {
      Map<String, Object> d = destinations.get(i);
      if (Trees.text(Trees.child(d, "destination"), "host").isEmpty()) {
        out.add(path + ".route[" + i + "] has no destination host");
      }
      int w = d.get("weight") instanceof Number n ? n.intValue() : -1;
      if (w < 0 || w > 100) {
        out.add(path + ".route[" + i + "].weight is " + d.get("weight") + ", not 0-100");
      }
      sum += w;
    }
    if (!destinations.isEmpty() && sum != 100) {
      out.add(path + " weights sum to " + sum + ", not 100");
    }
    List<Map<String, Object>> match = Trees.children(route, "match");
    for (int i = 0; i < match.size(); i++) {
      if (IstioBlocks.matchesEverything(match.get(i))) {
        out.add(path + ".match[" + i + "] has no condition, so it would match every request");
      }
    }
    Object mirror = Trees.child(route, "mirrorPercentage").get("value");
    if (mirror instanceof Number n && (n.doubleValue() < 0 || n.doubleValue() > 100)) {
      out.add(path + ".mirrorPercentage.value is " + mirror + ", not 0-100");
    }
  }
}
