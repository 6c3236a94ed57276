package dev.canarykit.prometheus;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Counts what the canary and its primary served ({@link PrometheusMetricSource#counts}): checks every value,
 * resolves the server as for built-in metrics, runs the three {@link CountQueries} at one evaluation time (so
 * requests, failures and buckets describe the same window) and maps the answers with {@link CountsMapping}. The
 * first failed query ends the interval; later ones are not sent.
 */
final class VersionCounter {
  static final String PREFIX = "cannot count requests per version: ";

  private final QueryPlanner planner;
  private final PrometheusClient client;
  private final Clock clock;

  VersionCounter(QueryPlanner planner, PrometheusClient client, Clock clock) {
    this.planner = planner;
    this.client = client;
    this.clock = clock;
  }

  Outcome.CountsResult counts(Canary canary, Duration window) {
    String target = canary.spec().targetRef() == null ? null : canary.spec().targetRef().name();
    Optional<String> refusal = CountQueries.refusal(canary.namespace(), target, window);
    if (refusal.isPresent()) {
      return new Outcome.Failed(PREFIX + refusal.get());
    }
    QueryPlanner.Binding binding = planner.builtinServer(canary);
    if (binding instanceof QueryPlanner.Unbound u) {
      return new Outcome.Failed(PREFIX + u.failed().error().message());
    }
    Endpoint endpoint = ((QueryPlanner.Bound) binding).endpoint();
    return run(endpoint, target, CountQueries.of(canary.namespace(), target, window));
  }

  private Outcome.CountsResult run(Endpoint endpoint, String target, CountQueries q) {
    Instant at = clock.instant();
    List<List<VectorResult.Sample>> answers = new ArrayList<>();
    for (Map.Entry<String, String> query : List.of(Map.entry("requests", q.requests()),
        Map.entry("failures", q.failures()), Map.entry("buckets", q.buckets()))) {
      VectorResult r = client.vector(endpoint, query.getValue(), at);
      if (r instanceof VectorResult.Error e) {
        return new Outcome.Failed(PREFIX + query.getKey() + " query failed: " + e.message());
      }
      answers.add(((VectorResult.Vector) r).series());
    }
    return CountsMapping.map(target, answers.get(0), answers.get(1), answers.get(2));
  }
}
