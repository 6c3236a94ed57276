package dev.canarykit.prometheus;

import dev.canarykit.core.backtest.BacktestException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether both versions have destination-side series in a span of history. One query covers at most a chunk of
 * the span; a chunk the server refuses (a timeout, too many samples) is split in halves down to a smallest chunk,
 * so that a long window is checked by many short queries rather than failing on one long one. The scan stops as
 * soon as both versions are seen.
 */
final class SeriesPresence {
  private final PrometheusClient client;
  private final Duration chunk;
  private final Duration smallest;
  private int queries;

  SeriesPresence(PrometheusClient client, Duration chunk, Duration smallest) {
    this.client = client;
    this.chunk = chunk;
    this.smallest = smallest;
  }

  /**
   * Checks {@code target} and its primary in {@code namespace} between {@code from} and {@code to}.
   *
   * @throws BacktestException naming each version without series, or the chunk that could not be queried
   */
  void check(Endpoint endpoint, String namespace, String target, Instant from, Instant to) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<Instant[]> spans = new ArrayDeque<>();
    for (Instant a = from; a.isBefore(to); a = min(a.plus(chunk), to)) {
      spans.addLast(new Instant[] {a, min(a.plus(chunk), to)});
    }
    String primary = target + CountQueries.PRIMARY_SUFFIX;
    while (!spans.isEmpty() && !seen.containsAll(List.of(target, primary))) {
      Instant[] s = spans.removeFirst();
      VectorResult r = client.vector(endpoint, query(namespace, target, Duration.between(s[0], s[1])), s[1]);
      queries++;
      if (r instanceof VectorResult.Vector v) {
        v.series().forEach(x -> seen.add(x.labels().getOrDefault("destination_workload", "")));
      } else if (Duration.between(s[0], s[1]).compareTo(smallest.multipliedBy(2)) >= 0) {
        Instant mid = s[0].plus(Duration.between(s[0], s[1]).dividedBy(2));
        spans.addFirst(new Instant[] {mid, s[1]});
        spans.addFirst(new Instant[] {s[0], mid});
      } else {
        throw new BacktestException("cannot check the telemetry of " + target + " in " + namespace + " between "
            + s[0] + " and " + s[1] + " at " + endpoint.breakerKey() + ", even in a chunk of "
            + Duration.between(s[0], s[1]) + ": " + ((VectorResult.Error) r).message());
      }
    }
    missing(List.of(target, primary), seen, namespace, from, to);
  }

  /** How many queries the last checks sent (for tests of the chunking). */
  int queries() {
    return queries;
  }

  private static void missing(List<String> versions, Set<String> seen, String ns, Instant from, Instant to) {
    List<String> absent = versions.stream().filter(v -> !seen.contains(v)).toList();
    if (!absent.isEmpty()) {
      throw new BacktestException("no series for " + String.join(" or ", absent) + " in " + ns + " between " + from
          + " and " + to + ": is the window right?");
    }
  }

  private static String query(String namespace, String target, Duration span) {
    return "count by (destination_workload) (last_over_time(istio_requests_total{"
        + CountQueries.selector(namespace, target) + "}[" + CountQueries.duration(span) + "]))";
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
