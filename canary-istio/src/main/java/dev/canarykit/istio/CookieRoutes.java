package dev.canarykit.istio;

import dev.canarykit.core.model.AnalysisSpec;
import dev.canarykit.core.model.SessionAffinity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Session-affinity routes (§1.17): with canary traffic, a sticky-canary route on the canary cookie, an optional
 * sticky-primary route, then the weighted route whose destinations set the cookies; at canary weight 0, a route
 * that deletes the previous run's cookie, then the weighted route.
 */
final class CookieRoutes {
  static final String COOKIE = "Cookie";
  static final String SET_COOKIE = "Set-Cookie";
  static final String DELETE = "; Max-Age=-1";

  private final HttpRoutes routes;
  private final AnalysisSpec analysis;
  private final SessionAffinity affinity;
  private final RouteState state;

  CookieRoutes(HttpRoutes routes, AnalysisSpec analysis, RouteState state) {
    this.routes = routes;
    this.analysis = analysis;
    this.affinity = analysis.sessionAffinity();
    this.state = state;
  }

  /** The routes, ending with {@code weighted}. */
  List<Map<String, Object>> render(Map<String, Object> weighted) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (state.canaryWeight() != 0 && !state.canaryCookie().isEmpty()) {
      setCookie(destination(weighted, 1), cookie(state.canaryCookie(), affinity.maxAgeOrDefault()));
      out.add(sticky(state.canaryCookie(), 0, 100));
      if (affinity.hasPrimaryCookie() && !state.primaryCookie().isEmpty()) {
        int seconds = (int) analysis.intervalOrDefault().toSeconds();
        setCookie(destination(weighted, 0), cookie(state.primaryCookie(), seconds));
        out.add(sticky(state.primaryCookie(), 100, 0));
      }
    } else if (state.canaryWeight() == 0 && !state.previousCookie().isEmpty()) {
      Map<String, Object> delete = sticky(state.previousCookie(), state.primaryWeight(), state.canaryWeight());
      setCookie(delete, state.previousCookie() + DELETE);
      out.add(delete);
    }
    out.add(weighted);
    return out;
  }

  /** {@code <name>=<value>; Max-Age=<n>} plus the configured attributes, as Flagger writes Set-Cookie. */
  String cookie(String nameAndValue, int maxAge) {
    StringBuilder b = new StringBuilder(nameAndValue).append("; Max-Age=").append(maxAge);
    appendIf(b, affinity.domain(), "Domain");
    if (affinity.httpOnly()) {
      b.append("; HttpOnly");
    }
    if (affinity.partitioned()) {
      b.append("; Partitioned");
    }
    appendIf(b, affinity.path(), "Path");
    appendIf(b, affinity.sameSite(), "SameSite");
    if (affinity.secure()) {
      b.append("; Secure");
    }
    return b.toString();
  }

  /** The {@code .*<name>.*<value>.*} regex that matches a request carrying {@code nameAndValue}. */
  static String regex(String nameAndValue) {
    int eq = nameAndValue.indexOf('=');
    String name = eq < 0 ? nameAndValue : nameAndValue.substring(0, eq);
    String value = eq < 0 ? "" : nameAndValue.substring(eq + 1);
    return ".*" + name + ".*" + value + ".*";
  }

  private Map<String, Object> sticky(String nameAndValue, int primaryWeight, int canaryWeight) {
    Map<String, Object> match = Trees.object("headers",
        Trees.object(COOKIE, Trees.object("regex", regex(nameAndValue))));
    return routes.route(MatchProduct.of(List.of(match), routes.serviceMatch()), primaryWeight, canaryWeight);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> destination(Map<String, Object> route, int index) {
    return ((List<Map<String, Object>>) route.get("route")).get(index);
  }

  /** Adds {@code Set-Cookie} to the response headers of a route or destination, keeping other headers. */
  private static void setCookie(Map<String, Object> target, String value) {
    Map<String, Object> headers = new LinkedHashMap<>(Trees.child(target, "headers"));
    Map<String, Object> response = new LinkedHashMap<>(Trees.child(headers, "response"));
    Map<String, Object> add = new LinkedHashMap<>(Trees.child(response, "add"));
    add.put(SET_COOKIE, value);
    response.put("add", add);
    headers.put("response", response);
    target.put("headers", headers);
  }

  private static void appendIf(StringBuilder b, String value, String attribute) {
    if (value != null && !value.isEmpty()) {
      b.append("; ").append(attribute).append('=').append(value);
    }
  }
}
