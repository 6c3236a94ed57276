package dev.canarykit.core.internal.simulation;

import dev.canarykit.core.simulation.RunResult;
import java.util.Arrays;
import java.util.List;

/**
 * The runs of one scenario under one policy.
 *
 * @param scenario the scenario
 * @param results every run, in order
 */
public record ScenarioSummary(Scenario scenario, List<RunResult> results) {
  public ScenarioSummary {
    results = List.copyOf(results);
  }

  /** Runs that ended a given way. */
  public long count(RunResult.End end) {
    return results.stream().filter(r -> r.outcome() == end).count();
  }

  /** Decision times of the runs that ended {@code end} (all decided runs when {@code null}), sorted. */
  double[] minutes(RunResult.End end) {
    return results.stream().filter(r -> r.outcome() != RunResult.End.UNDECIDED)
        .filter(r -> end == null || r.outcome() == end).mapToDouble(RunResult::minutesToDecision).sorted().toArray();
  }

  /** Median minutes to a decision over decided runs; NaN when none decided. */
  public double medianMinutesToDecision() {
    return Stats.quantile(minutes(null), 0.5);
  }

  /** 90th percentile of minutes to a decision; NaN when none decided. */
  public double p90MinutesToDecision() {
    return Stats.quantile(minutes(null), 0.9);
  }

  /** Mean requests served by the canary per run (see {@link RunResult#canaryRequests()}). */
  public double meanCanaryRequests() {
    return results.stream().mapToDouble(RunResult::canaryRequests).average().orElse(Double.NaN);
  }

  /** Statistics over sorted arrays. */
  static final class Stats {
    private Stats() {}

    /** The q-quantile (nearest rank, interpolated) of sorted values; NaN for none. */
    static double quantile(double[] sorted, double q) {
      if (sorted.length == 0) {
        return Double.NaN;
      }
      double pos = q * (sorted.length - 1);
      int lo = (int) Math.floor(pos);
      int hi = Math.min(sorted.length - 1, lo + 1);
      return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    static double median(double[] values) {
      double[] s = values.clone();
      Arrays.sort(s);
      return quantile(s, 0.5);
    }
  }
}
