package dev.canarykit.k8s.controller;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.port.TrafficRouter;
import dev.canarykit.core.testing.InMemoryTrafficRouter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One in-memory route per Canary, shared by every controller of a test as a mesh is. */
final class Routers implements TrafficRouter {
  private final Map<String, InMemoryTrafficRouter> routers = new ConcurrentHashMap<>();

  /** The route of {@code namespace/name}. */
  InMemoryTrafficRouter of(String namespace, String name) {
    return routers.computeIfAbsent(namespace + "/" + name, k -> new InMemoryTrafficRouter());
  }

  private InMemoryTrafficRouter of(Canary canary) {
    return of(canary.namespace(), canary.name());
  }

  @Override
  public Outcome.OkResult reconcile(Canary canary) {
    return of(canary).reconcile(canary);
  }

  @Override
  public Outcome.RoutesResult readRoutes(Canary canary) {
    return of(canary).readRoutes(canary);
  }

  @Override
  public Outcome.OkResult setRoutes(Canary canary, Command.SetRoutes routes) {
    return of(canary).setRoutes(canary, routes);
  }

  @Override
  public Outcome.OkResult revert(Canary canary) {
    return of(canary).revert(canary);
  }
}
