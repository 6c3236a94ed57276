package dev.canarykit.core.port;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricSpec;

/** Answers the analysis' metric checks (docs/flagger-compatibility.md §5). */
public interface MetricSource {

  /**
   * Runs one metric of the canary's analysis at the current time, over the metric's window.
   *
   * @return a value, no data (an empty result or NaN), or an error; never {@code null}
   */
  Outcome.MetricResult query(Canary canary, MetricSpec metric);

  /**
   * Checks that every metric provider the canary uses answers (§5.6: {@code vector(1)} must return 1).
   *
   * @return {@link Outcome#OK} or {@link Outcome.Failed} naming the provider and the error
   */
  Outcome.OkResult probe(Canary canary);

  /**
   * Counts what the primary and the canary served over the last {@code window}: requests, 5xx failures and
   * cumulative latency buckets per version, for the statistical judge. Sources that cannot count answer a failure
   * (the default), which the judge treats as an error verdict.
   *
   * @return {@link Outcome.Counts} or {@link Outcome.Failed}; never {@code null}
   */
  default Outcome.CountsResult counts(Canary canary, java.time.Duration window) {
    return new Outcome.Failed("this metric source cannot count requests per version");
  }

  /**
   * Builds the {@link MetricSource} of one metrics server for a controller that drives many Canaries. The
   * controller calls it once per address ({@code spec.metricsServer}, else its default) and hands it the lookups it
   * keeps for the cluster: MetricTemplates (from an informer cache, with Flagger's namespace rules) and Secrets (for
   * a template provider's {@code secretRef}). canary-prometheus implements it with
   * {@code PrometheusMetricSource.factory(client)}.
   */
  @FunctionalInterface
  interface Factory {

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
}
