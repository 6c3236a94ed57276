package dev.canarykit.istio;

import dev.canarykit.core.analysis.Command.SessionCookies;
import dev.canarykit.core.model.Canary;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@link RouteState} back from a live VirtualService spec: the weights of the last route that sends
 * traffic to the canary (the weighted route in every layout canarykit writes), its mirror, and the cookies its
 * routes set.
 */
final class LiveRoutes {
  private final Canary canary;
  private final ServiceNames names;
  private final String where;

  LiveRoutes(Canary canary) {
    this.canary = canary;
    this.names = ServiceNames.of(canary);
    this.where = "VirtualService " + names.apex() + "." + canary.namespace();
  }

  /**
   * The state, or why the spec is not one canarykit wrote.
   *
   * @param spec the live spec as a tree
   */
  Read read(Map<String, Object> spec) {
    boolean tcp = VirtualServiceSpecs.isTcp(canary.spec().service());
    List<Map<String, Object>> routes = Trees.children(spec, tcp ? "tcp" : "http");
    Map<String, Object> weighted = null;
    for (Map<String, Object> r : routes) {
      if (destination(r, names.canary()) != null) {
        weighted = r;
      }
    }
    if (weighted == null) {
      return Read.problem(where + " has no " + (tcp ? "tcp" : "http") + " route to " + names.canary());
    }
    Map<String, Object> primary = destination(weighted, names.primary());
    if (primary == null) {
      return Read.problem(where + " routes to " + names.canary() + " without a destination " + names.primary());
    }
    return weights(weight(primary), weight(destination(weighted, names.canary())), weighted, routes);
  }

  private Read weights(int p, int c, Map<String, Object> weighted, List<Map<String, Object>> routes) {
    if (p == 0 && c == 0) {
      return Read.problem(where + " routes 0% to both " + names.primary() + " and " + names.canary());
    }
    if (p < 0 || c < 0 || p + c != 100) {
      return Read.problem(where + " has weights " + p + "/" + c + " for " + names.primary() + "/" + names.canary()
          + ", which do not sum to 100");
    }
    boolean mirrored = !Trees.text(Trees.child(weighted, "mirror"), "host").isEmpty();
    return Read.of(new RouteState(p, c, mirrored, cookies(weighted, routes)));
  }

  private SessionCookies cookies(Map<String, Object> weighted, List<Map<String, Object>> routes) {
    if (canary.spec().analysisOrEmpty().sessionAffinity() == null) {
      return null;
    }
    String canaryCookie = cookieOf(destination(weighted, names.canary()));
    String primaryCookie = cookieOf(destination(weighted, names.primary()));
    String previous = "";
    for (Map<String, Object> r : routes) {
      String set = setCookie(r);
      if (r != weighted && set.endsWith(CookieRoutes.DELETE)) {
        previous = set.substring(0, set.length() - CookieRoutes.DELETE.length());
      }
    }
    boolean none = canaryCookie.isEmpty() && primaryCookie.isEmpty() && previous.isEmpty();
    return none ? null : new SessionCookies(canaryCookie, previous, primaryCookie);
  }

  private static String cookieOf(Map<String, Object> destination) {
    String set = setCookie(destination);
    int semicolon = set.indexOf(';');
    return semicolon < 0 ? set : set.substring(0, semicolon);
  }

  private static String setCookie(Map<String, Object> target) {
    return Trees.text(Trees.child(Trees.child(Trees.child(target, "headers"), "response"), "add"),
        CookieRoutes.SET_COOKIE);
  }

  private static Map<String, Object> destination(Map<String, Object> route, String host) {
    for (Map<String, Object> d : Trees.children(route, "route")) {
      if (host.equals(Trees.text(Trees.child(d, "destination"), "host"))) {
        return d;
      }
    }
    return null;
  }

  private static int weight(Map<String, Object> destination) {
    Object w = destination.get("weight");
    return w instanceof Number n ? n.intValue() : 0;
  }

  /**
   * A reading: a state or a problem.
   *
   * @param state the state, or {@code null}
   * @param problem why there is no state, or {@code null}
   */
  record Read(RouteState state, String problem) {
    static Read of(RouteState state) {
      return new Read(state, null);
    }

    static Read problem(String problem) {
      return new Read(null, problem);
    }
  }
}
