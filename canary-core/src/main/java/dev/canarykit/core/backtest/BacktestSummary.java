package dev.canarykit.core.backtest;

import dev.canarykit.core.backtest.ReleaseWindow.Label;
import dev.canarykit.core.simulation.Policy;
import dev.canarykit.core.simulation.RunResult.End;
import java.util.List;
import java.util.Objects;

/**
 * One policy over many labelled releases, with the figures {@code simulate} gives for scenarios. Rates count
 * labelled releases only; a figure with nothing to measure is NaN.
 *
 * @param policy the policy
 * @param releases every release replayed, in input order
 * @since 0.1.0
 */
public record BacktestSummary(Policy policy, List<ReleaseBacktest> releases) {

  public BacktestSummary {
    Objects.requireNonNull(policy, "policy == null");
    releases = List.copyOf(releases);
  }

  private List<PolicyRun> runs(Label label) {
    return releases.stream().filter(r -> r.window().verdict().map(v -> label == null || v == label).orElse(false))
        .map(r -> r.run(policy)).toList();
  }

  private static double rate(List<PolicyRun> runs, End end) {
    return runs.isEmpty() ? Double.NaN : runs.stream().filter(r -> r.decision() == end).count() / (double) runs.size();
  }

  /** Releases labelled good that were rolled back ÷ releases labelled good. */
  public double falseRollbackRate() {
    return rate(runs(Label.GOOD), End.ROLLED_BACK);
  }

  /** Releases labelled bad that were promoted ÷ releases labelled bad. */
  public double missedRegressionRate() {
    return rate(runs(Label.BAD), End.PROMOTED);
  }

  /** Labelled releases left undecided at the window's end ÷ labelled releases. */
  public double undecidedRate() {
    return rate(runs(null), End.UNDECIDED);
  }

  /** The median minutes to the rollback of releases labelled bad that were rolled back. */
  public double medianMinutesToRollbackOfRegressions() {
    double[] m = runs(Label.BAD).stream().filter(r -> r.decision() == End.ROLLED_BACK)
        .mapToDouble(r -> r.minutesToDecision().orElseThrow()).sorted().toArray();
    if (m.length == 0) {
      return Double.NaN;
    }
    return m.length % 2 == 1 ? m[m.length / 2] : (m[m.length / 2 - 1] + m[m.length / 2]) / 2;
  }

  /** The labelled releases whose verdict this policy contradicts ({@link ReleaseBacktest#disagrees}). */
  public List<ReleaseBacktest> disagreements() {
    return releases.stream().filter(r -> r.disagrees(r.run(policy))).toList();
  }
}
