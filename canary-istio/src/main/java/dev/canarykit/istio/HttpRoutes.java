package dev.canarykit.istio;

import dev.canarykit.core.model.AnalysisSpec;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.internal.IstioBlocks;
import dev.canarykit.core.internal.IstioBlocks.Block;
import dev.canarykit.core.model.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code http} routes of the VirtualService for one {@link RouteState} (§4.2, §1.11, §1.17). Every Istio block
 * is written without the fields outside Flagger's schema ({@link IstioBlocks#prune}), whether or not the Canary
 * was validated, and {@code rewrite} without Flagger's Gateway API {@code type}, which Istio's HTTPRewrite lacks.
 */
final class HttpRoutes {
  private final Canary canary;
  private final ServiceSpec service;
  private final ServiceNames names;
  private final List<Map<String, Object>> serviceMatch;
  private final Map<String, Object> rewrite;

  HttpRoutes(Canary canary) {
    this.canary = canary;
    this.service = canary.spec().service();
    this.names = ServiceNames.of(canary);
    this.serviceMatch = IstioBlocks.prune(Block.SERVICE_MATCH, service.match());
    this.rewrite = IstioBlocks.prune(Block.REWRITE, service.rewrite());
    if (rewrite != null) {
      rewrite.remove("type");
    }
  }

  /** The routes: A/B when the analysis has matches, else cookie routes under session affinity, else one route. */
  List<Map<String, Object>> render(RouteState state) {
    AnalysisSpec analysis = canary.spec().analysisOrEmpty();
    Map<String, Object> weighted = route(serviceMatch, state.primaryWeight(), state.canaryWeight());
    mirror(weighted, state.mirrored(), analysis.mirrorWeightOrZero());
    List<Map<String, Object>> routes = new ArrayList<>();
    if (!analysis.match().isEmpty()) {
      List<Map<String, Object>> ab = IstioBlocks.prune(Block.ANALYSIS_MATCH, analysis.match());
      weighted.put("match", MatchProduct.of(ab, serviceMatch));
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
        "rewrite", Trees.mutableCopy(rewrite), "timeout", emptyToNull(service.timeout()),
        "retries", IstioBlocks.prune(Block.RETRIES, service.retries()),
        "corsPolicy", IstioBlocks.prune(Block.CORS_POLICY, service.corsPolicy()),
        "headers", IstioBlocks.prune(Block.HEADERS, service.headers()));
    route.put("route", new ArrayList<>(List.of(
        Destinations.weighted(service, names.primary(), primaryWeight),
        Destinations.weighted(service, names.canary(), canaryWeight))));
    return route;
  }

  /** The service names. */
  ServiceNames names() {
    return names;
  }

  /** The service's own matches, pruned. */
  List<Map<String, Object>> serviceMatch() {
    return serviceMatch;
  }

  /** The A/B fallback: the service's match, to the primary alone (weight 100, the only destination). */
  private Map<String, Object> primaryOnly() {
    Map<String, Object> route = route(serviceMatch, 100, 0);
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
