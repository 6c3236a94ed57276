package dev.canarykit.core.port;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricSpec;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Routes each canary to the metric source of its {@code spec.metricsServer}, or of the default server. */
final class PerServerMetricSource implements MetricSource {
  private final MetricSource.Factory factory;
  private final String defaultServer;
  private final MetricTemplateLookup templates;
  private final SecretResolver secrets;
  private final Map<String, MetricSource> sources = new ConcurrentHashMap<>();

  PerServerMetricSource(MetricSource.Factory factory, String defaultServer, MetricTemplateLookup templates,
      SecretResolver secrets) {
    this.factory = factory;
    this.defaultServer = defaultServer;
    this.templates = templates;
    this.secrets = secrets;
  }

  private MetricSource of(Canary canary) {
    String server = canary.spec().metricsServer();
    return sources.computeIfAbsent(server == null || server.isEmpty() ? defaultServer : server,
        s -> factory.create(s, templates, secrets));
  }

  @Override
  public Outcome.MetricResult query(Canary canary, MetricSpec metric) {
    return of(canary).query(canary, metric);
  }

  @Override
  public Outcome.OkResult probe(Canary canary) {
    return of(canary).probe(canary);
  }

  @Override
  public Outcome.CountsResult counts(Canary canary, Duration window) {
    return of(canary).counts(canary, window);
  }
}
