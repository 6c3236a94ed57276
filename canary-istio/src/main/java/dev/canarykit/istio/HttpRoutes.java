package dev.canarykit.istio;

import dev.canarykit.core.model.AnalysisSpec;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code http} routes of the VirtualService for one {@link RouteState} (§4.2, §1.11, §1.17). */
final class HttpRoutes {
  private final Canary canary;
  private final ServiceSpec service;
  private final ServiceNames names;

  HttpRoutes(Canary canary) {
    this.canary = canary;
    this.service = canary.spec().service();
    this.names = ServiceNames.of(canary);
  }

  /** The routes: A/B when the analysis has matches, else cookie routes under session affinity, else one route. */
  List<Map<String, Object>> render(RouteState state) {
    AnalysisSpec analysis = canary.spec().analysisOrEmpty();
    Map<String, Object> weighted = route(service.match(), state.primaryWeight(), state.canaryWeight());
    mirror(weighted, state.mirrored(), analysis.mirrorWeightOrZero());
    List<Map<String, Object>> routes = new ArrayList<>();
    if (!analysis.match().isEmpty()) {
      weighted.put("match", MatchProduct.of(analysis.match(), service.match()));
      routes.add(weighted);
      routes.add(primaryOnly());
    } else if (analysis.sessionAffinity() != null) {
      routes.addAll(new CookieRoutes(this, analysis, state).render(weighted));
    } else {
      routes.add(weighted);
    }
    return routes;
  }

  /** A route with the service's match, rewrite, timeout, retries, corsPolicy and headers, to primary and canary. */
  Map<String, Object> route(List<Map<String, Object>> match, int primaryWeight, int canaryWeight) {
    Map<String, Object> route = Trees.object("match", MatchProduct.normalized(Trees.mutableCopy(match)),
        "rewrite", Trees.mutableCopy(service.rewrite()), "timeout", emptyToNull(service.timeout()),
        "retries", Trees.mutableCopy(service.retries()), "corsPolicy", Trees.mutableCopy(service.corsPolicy()),
        "headers", Trees.mutableCopy(service.headers()));
    route.put("route", new ArrayList<>(List.of(
        Destinations.weighted(service, names.primary(), primaryWeight),
        Destinations.weighted(service, names.canary(), canaryWeight))));
    return route;
  }

  /** The service names. */
  ServiceNames names() {
    return names;
  }

  /** The service's own matches. */
  List<Map<String, Object>> serviceMatch() {
    return service.match();
  }

  /** The A/B fallback: the service's match, to the primary alone (weight 100, the only destination). */
  private Map<String, Object> primaryOnly() {
    Map<String, Object> route = route(service.match(), 100, 0);
    route.put("route", new ArrayList<>(List.of(Destinations.weighted(service, names.primary(), 100))));
    return route;
  }

  private void mirror(Map<String, Object> route, boolean mirrored, int mirrorWeight) {
    if (mirrored) {
      route.put("mirror", Trees.object("host", names.canary()));
      if (mirrorWeight > 0) {
        route.put("mirrorPercentage", Trees.object("value", mirrorWeight));
      }
    }
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
