package dev.canarykit.core.port;

/**
 * Builds the {@link MetricSource} of one metrics server for a controller that drives many Canaries. The
 * controller calls it once per address ({@code spec.metricsServer}, else its default) and hands it the lookups it
 * keeps for the cluster: MetricTemplates (from an informer cache, with Flagger's namespace rules) and Secrets (for
 * a template provider's {@code secretRef}). canary-prometheus implements it with
 * {@code PrometheusMetricSource.factory(client)}.
 */
@FunctionalInterface
public interface MetricSourceFactory {

  /**
   * The source for {@code server}.
   *
   * @param server the metrics server address, as the Canary or the controller configuration writes it
   * @param templates where {@code templateRef} metrics find their MetricTemplate
   * @param secrets where template providers find their {@code secretRef}
   * @return the source; never {@code null}
   */
  MetricSource create(String server, MetricTemplateLookup templates, SecretResolver secrets);

  /**
   * One source for every Canary: each is routed to the source of its {@code spec.metricsServer}, else of
   * {@code defaultServer}, built by this factory on first use and kept.
   */
  default MetricSource perServer(String defaultServer, MetricTemplateLookup templates, SecretResolver secrets) {
    return new PerServerMetricSource(this, java.util.Objects.requireNonNull(defaultServer, "defaultServer == null"),
        templates, secrets);
  }
}
