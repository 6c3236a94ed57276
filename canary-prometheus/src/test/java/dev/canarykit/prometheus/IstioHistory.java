package dev.canarykit.prometheus;

import dev.canarykit.core.judge.IstioBuckets;
import dev.canarykit.core.internal.simulation.VersionProfile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Synthetic Istio telemetry of past releases, written as OpenMetrics for {@code promtool tsdb
 * create-blocks-from openmetrics}: destination-side {@code istio_requests_total} (codes 200 and 500) and
 * {@code istio_request_duration_milliseconds_bucket} (Istio's buckets) for a target and its primary, one sample
 * per step. Traffic is fluid and exact: each version's counters grow by its share of the requests, its error rate
 * and its latency distribution (log-normal from P50 and P99), so every figure a query reads follows from the
 * script. A version has samples only while it serves, as a scaled-down workload has none.
 */
public final class IstioHistory {
  private final String namespace;
  private final String target;
  private final Duration step;
  private final Map<String, Series> series = new LinkedHashMap<>();

  /** History for {@code target} and {@code <target>-primary} in {@code namespace}, one sample per {@code step}. */
  public IstioHistory(String namespace, String target, Duration step) {
    this.namespace = namespace;
    this.target = target;
    this.step = step;
  }

  /**
   * Both versions serve {@code requestsPerSecond} in total from {@code from} to {@code to}, the canary taking
   * {@code canaryShare} (0 to 1) of it.
   */
  public IstioHistory serve(Instant from, Instant to, double requestsPerSecond, double canaryShare,
      VersionProfile primary, VersionProfile canary) {
    double seconds = step.toMillis() / 1000.0;
    for (Instant t = from; t.isBefore(to); t = t.plus(step)) {
      Instant sampled = t.plus(step);
      version(target + "-primary", sampled, requestsPerSecond * (1 - canaryShare) * seconds, primary);
      version(target, sampled, requestsPerSecond * canaryShare * seconds, canary);
    }
    return this;
  }

  /**
   * A release as Flagger ran it with 10% steps to 50% at a 1-minute interval, starting at {@code detected}: the
   * canary takes 10% one minute later and 10% more every minute up to 50%. When {@code promotedAt} (minutes after
   * {@code detected}) is set, the primary runs the new version from then on and the canary stops serving a minute
   * later; otherwise the canary stays at {@code heldAt} percent until {@code rolledBackAt} minutes and stops.
   */
  public IstioHistory flaggerRelease(Instant detected, Duration lead, Duration tail, double requestsPerSecond,
      VersionProfile old, VersionProfile next, Outcome outcome) {
    Instant m1 = detected.plus(Duration.ofMinutes(1));
    serve(detected.minus(lead), m1, requestsPerSecond, 0, old, next);
    if (outcome.promotedAt() > 0) {
      for (int k = 1; k < outcome.promotedAt() + 1; k++) {
        int weight = Math.min(50, 10 * k);
        VersionProfile primary = k < outcome.promotedAt() ? old : next;
        serve(minute(detected, k), minute(detected, k + 1), requestsPerSecond, weight / 100.0, primary, next);
      }
      serve(minute(detected, outcome.promotedAt() + 1), minute(detected, outcome.promotedAt() + 1).plus(tail),
          requestsPerSecond, 0, next, next);
    } else {
      serve(m1, minute(detected, outcome.rolledBackAt()), requestsPerSecond, outcome.heldAt() / 100.0, old, next);
      serve(minute(detected, outcome.rolledBackAt()), minute(detected, outcome.rolledBackAt()).plus(tail),
          requestsPerSecond, 0, old, next);
    }
    return this;
  }

  /**
   * How history's release ended.
   *
   * @param promotedAt minutes from detection to the promotion, or 0
   * @param heldAt the weight the canary was held at when not promoted
   * @param rolledBackAt minutes from detection to the rollback, when not promoted
   */
  public record Outcome(int promotedAt, int heldAt, int rolledBackAt) {
    /** Promoted {@code minutes} after detection. */
    public static Outcome promoted(int minutes) {
      return new Outcome(minutes, 0, 0);
    }

    /** Held at {@code weight} and rolled back {@code minutes} after detection. */
    public static Outcome rolledBack(int weight, int minutes) {
      return new Outcome(0, weight, minutes);
    }
  }

  private static Instant minute(Instant t, int k) {
    return t.plus(Duration.ofMinutes(k));
  }

  private void version(String workload, Instant at, double requests, VersionProfile p) {
    if (requests <= 0) {
      return;
    }
    Series s = series.computeIfAbsent(workload, w -> new Series());
    double failures = requests * p.errorRate();
    s.ok += requests - failures;
    s.failed += failures;
    double[] edges = IstioBuckets.edges();
    for (int i = 0; i < edges.length; i++) {
      s.buckets[i] += requests * p.latencyCdf(edges[i]);
    }
    s.total += requests;
    s.samples.append(at.getEpochSecond()).append(' ').append(s.ok).append(' ').append(s.failed);
    for (double b : s.buckets) {
      s.samples.append(' ').append(b);
    }
    s.samples.append(' ').append(s.total).append('\n');
  }

  /** Writes the OpenMetrics file ({@code # EOF} last). */
  public Path write(Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("# TYPE istio_requests counter\n");
      for (Map.Entry<String, Series> e : series.entrySet()) {
        rows(w, e, "istio_requests_total", "response_code=\"200\"", 1);
        rows(w, e, "istio_requests_total", "response_code=\"500\"", 2);
      }
      w.write("# TYPE istio_request_duration_milliseconds histogram\n");
      double[] edges = IstioBuckets.edges();
      for (Map.Entry<String, Series> e : series.entrySet()) {
        for (int i = 0; i <= edges.length; i++) {
          String le = i == edges.length ? "+Inf" : format(edges[i]);
          rows(w, e, "istio_request_duration_milliseconds_bucket", "le=\"" + le + "\"", 3 + i);
        }
      }
      w.write("# EOF\n");
    }
    return file;
  }

  private void rows(BufferedWriter w, Map.Entry<String, Series> e, String name, String label, int column)
      throws IOException {
    String prefix = name + "{reporter=\"destination\",destination_workload_namespace=\"" + namespace
        + "\",destination_workload=\"" + e.getKey() + "\"," + label + "} ";
    for (String line : e.getValue().samples.toString().split("\n")) {
      String[] f = line.split(" ");
      w.write(prefix + String.format(Locale.ROOT, "%.6f", Double.parseDouble(f[column])) + " " + f[0] + "\n");
    }
  }

  private static String format(double le) {
    return le == Math.rint(le) ? String.valueOf((long) le) : String.valueOf(le);
  }

  private static final class Series {
    private double ok;
    private double failed;
    private double total;
    private final double[] buckets = new double[IstioBuckets.size()];
    private final StringBuilder samples = new StringBuilder();
  }
}
