package dev.canarykit.prometheus;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.judge.IntervalCounts;
import dev.canarykit.core.judge.IstioBuckets;
import dev.canarykit.core.judge.Source;
import dev.canarykit.core.judge.SourceCounts;
import dev.canarykit.core.judge.VersionCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Maps the answers of {@link CountQueries} to the judge's {@link IntervalCounts}:
 * <ul>
 *   <li>a series counts for the canary when its {@code destination_workload} is the target, for the primary when it
 *       is {@code <target>-primary}; other series are ignored. Counts are kept per source
 *       ({@code source_workload_namespace}/{@code source_workload}; a series without them is source
 *       {@link Source#UNKNOWN}), and series of one version, source (and {@code le}) are added up;</li>
 *   <li>a value that is not a count ({@code NaN}, an infinity, a negative number) fails the whole interval: the
 *       judge reads it as an error (a failed check), never as a value, so an unreadable canary cannot look like a
 *       quiet one;</li>
 *   <li>a version without any series served nothing: {@link VersionCounts#NONE};</li>
 *   <li>failures are clipped to the requests;</li>
 *   <li>buckets are aligned with {@link IstioBuckets#edges()}: each edge takes the value of the largest finite
 *       {@code le} at or below it, so an edge Prometheus did not return takes the next lower known cumulative
 *       value (0 below the lowest). That under-counts fast requests, never slow ones. The result is made
 *       non-decreasing (a running maximum, as {@code histogram_quantile} does), since {@code increase()}
 *       extrapolates each series on its own. A version without finite {@code le} series has no latency data
 *       (empty buckets).</li>
 * </ul>
 */
final class CountsMapping {
  private static final String WORKLOAD = "destination_workload";

  private CountsMapping() {}

  /** The interval's counts, or a failure naming the query, the workload and the value that is not a count. */
  static Outcome.CountsResult map(String target, List<VectorResult.Sample> requests, List<VectorResult.Sample> failures,
      List<VectorResult.Sample> buckets) {
    Map<String, List<VectorResult.Sample>> answers = new java.util.LinkedHashMap<>();
    answers.put("requests", requests);
    answers.put("failures", failures);
    answers.put("buckets", buckets);
    for (Map.Entry<String, List<VectorResult.Sample>> answer : answers.entrySet()) {
      for (VectorResult.Sample s : answer.getValue()) {
        if (!(Double.isFinite(s.value()) && s.value() >= 0)) {
          return new Outcome.Failed(VersionCounter.PREFIX + "the " + answer.getKey() + " query returned "
              + s.value() + " for " + SafeValues.quote(String.valueOf(s.labels().get(WORKLOAD)))
              + " (a count must be a finite number >= 0)");
        }
      }
    }
    String primary = target + CountQueries.PRIMARY_SUFFIX;
    Set<Source> sources = new TreeSet<>();
    for (List<VectorResult.Sample> list : answers.values()) {
      for (VectorResult.Sample s : list) {
        String workload = s.labels().get(WORKLOAD);
        if (target.equals(workload) || primary.equals(workload)) {
          sources.add(source(s));
        }
      }
    }
    List<SourceCounts> out = new ArrayList<>();
    for (Source source : sources) {
      List<VectorResult.Sample> r = from(source, requests);
      List<VectorResult.Sample> f = from(source, failures);
      List<VectorResult.Sample> b = from(source, buckets);
      out.add(new SourceCounts(source, version(primary, r, f, b), version(target, r, f, b)));
    }
    return new Outcome.Counts(new IntervalCounts(out));
  }

  private static Source source(VectorResult.Sample s) {
    String workload = s.labels().get("source_workload");
    return workload == null || workload.isEmpty() ? Source.UNKNOWN
        : new Source(s.labels().getOrDefault("source_workload_namespace", ""), workload);
  }

  private static List<VectorResult.Sample> from(Source source, List<VectorResult.Sample> series) {
    return series.stream().filter(s -> source(s).equals(source)).toList();
  }

  private static VersionCounts version(String workload, List<VectorResult.Sample> requests,
      List<VectorResult.Sample> failures, List<VectorResult.Sample> buckets) {
    OptionalDouble n = total(workload, requests);
    OptionalDouble f = total(workload, failures);
    double[] cumulative = cumulative(workload, buckets);
    if (n.isEmpty() && f.isEmpty() && cumulative.length == 0) {
      return VersionCounts.NONE;
    }
    double r = n.orElse(0);
    return new VersionCounts(r, Math.min(f.orElse(0), r), cumulative);
  }

  /** The sum of {@code workload}'s values, or empty when it has no series. */
  private static OptionalDouble total(String workload, List<VectorResult.Sample> series) {
    return series.stream().filter(s -> workload.equals(s.labels().get(WORKLOAD)))
        .mapToDouble(VectorResult.Sample::value).reduce(Double::sum);
  }

  /** Cumulative counts at each Istio edge, or an empty array when {@code workload} has no finite buckets. */
  static double[] cumulative(String workload, List<VectorResult.Sample> buckets) {
    TreeMap<Double, Double> byLe = new TreeMap<>();
    for (VectorResult.Sample s : buckets) {
      OptionalDouble le = SampleValues.parse(s.labels().getOrDefault("le", ""));
      if (workload.equals(s.labels().get(WORKLOAD)) && le.isPresent() && Double.isFinite(le.getAsDouble())) {
        byLe.merge(le.getAsDouble(), s.value(), Double::sum);
      }
    }
    return byLe.isEmpty() ? new double[0] : aligned(byLe);
  }

  private static double[] aligned(TreeMap<Double, Double> byLe) {
    double[] edges = IstioBuckets.edges();
    double[] out = new double[edges.length];
    double max = 0;
    for (int i = 0; i < edges.length; i++) {
      Map.Entry<Double, Double> known = byLe.floorEntry(edges[i]);
      max = Math.max(max, known == null ? 0 : known.getValue());
      out[i] = max;
    }
    return out;
  }
}
