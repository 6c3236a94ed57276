package dev.canarykit.k8s.controller;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.port.MetricSource;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Routes each canary to the metric source of its {@code spec.metricsServer}, or of the default server. */
final class ServerMetrics implements MetricSource {
  private final Function<String, MetricSource> factory;
  private final String defaultServer;
  private final Map<String, MetricSource> sources = new ConcurrentHashMap<>();

  ServerMetrics(Function<String, MetricSource> factory, String defaultServer) {
    this.factory = factory;
    this.defaultServer = defaultServer;
  }

  private MetricSource of(Canary canary) {
    String server = canary.spec().metricsServer();
    return sources.computeIfAbsent(server == null || server.isEmpty() ? defaultServer : server, factory);
  }

  @Override
  public Outcome.MetricResult query(Canary canary, MetricSpec metric) {
    return of(canary).query(canary, metric);
  }

  @Override
  public Outcome probe(Canary canary) {
    return of(canary).probe(canary);
  }

  @Override
  public Outcome counts(Canary canary, Duration window) {
    return of(canary).counts(canary, window);
  }
}
