package dev.canarykit.prometheus;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricSpec;
import java.util.HashSet;
import java.util.Set;

/**
 * The provider probe (§5.6): {@code vector(1)} must answer 1 on the server of every built-in metric and on the
 * provider of every template metric, each address asked once. In-line query metrics are not probed, as in Flagger.
 */
final class ProviderProbe {
  private final QueryPlanner planner;
  private final PrometheusClient client;

  ProviderProbe(QueryPlanner planner, PrometheusClient client) {
    this.planner = planner;
    this.client = client;
  }

  Outcome.OkResult probe(Canary canary) {
    Set<Endpoint> asked = new HashSet<>();
    for (MetricSpec m : canary.spec().analysisOrEmpty().metrics()) {
      if (m.kind() != MetricSpec.Kind.BUILTIN && m.kind() != MetricSpec.Kind.TEMPLATE) {
        continue;
      }
      String failure = check(planner.bind(canary, m), m, asked);
      if (failure != null) {
        return new Outcome.Failed(failure);
      }
    }
    return Outcome.OK;
  }

  private String check(QueryPlanner.Binding binding, MetricSpec m, Set<Endpoint> asked) {
    if (binding instanceof QueryPlanner.Unbound u) {
      String text = u.failed().error().message();
      return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
    QueryPlanner.Bound b = (QueryPlanner.Bound) binding;
    if (!asked.add(b.endpoint())) {
      return null;
    }
    Outcome.MetricResult r = client.instant(b.endpoint(), PROBE, null);
    if (r instanceof Outcome.MetricValue v && v.value() == 1) {
      return null;
    }
    String err = r instanceof Outcome.MetricValue ? "value is not 1 for query: " + PROBE
        : r instanceof Outcome.NoData n ? "running query failed: " + n.message()
        : "running query failed: " + ((Outcome.MetricError) r).message();
    return m.kind() == MetricSpec.Kind.BUILTIN ? "prometheus not available: " + err
        : "prometheus in metric template " + m.templateRef().name() + " not available: " + err;
  }

  private static final String PROBE = PrometheusMetricSource.PROBE_QUERY;
}
