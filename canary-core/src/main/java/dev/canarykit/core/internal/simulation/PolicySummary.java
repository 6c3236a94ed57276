package dev.canarykit.core.internal.simulation;

import dev.canarykit.core.simulation.Policy;
import dev.canarykit.core.simulation.RunResult;
import java.util.List;

/**
 * Every scenario under one policy, and the figures that compare policies.
 *
 * @param policy the policy
 * @param scenarios one summary per scenario, in input order
 */
public record PolicySummary(Policy policy, List<ScenarioSummary> scenarios) {
  public PolicySummary {
    scenarios = List.copyOf(scenarios);
  }

  private double rate(boolean regression, RunResult.End end) {
    long runs = 0;
    long hits = 0;
    for (ScenarioSummary s : scenarios) {
      if (s.scenario().regression() == regression) {
        runs += s.results().size();
        hits += s.count(end);
      }
    }
    return runs == 0 ? Double.NaN : (double) hits / runs;
  }

  /** Rolled-back runs ÷ all runs of scenarios that are not regressions. */
  public double falseRollbackRate() {
    return rate(false, RunResult.End.ROLLED_BACK);
  }

  /** Promoted runs ÷ all runs of regression scenarios. */
  public double missedRegressionRate() {
    return rate(true, RunResult.End.PROMOTED);
  }

  /** Undecided runs ÷ all runs. */
  public double undecidedRate() {
    long runs = scenarios.stream().mapToLong(s -> s.results().size()).sum();
    long undecided = scenarios.stream().mapToLong(s -> s.count(RunResult.End.UNDECIDED)).sum();
    return runs == 0 ? Double.NaN : (double) undecided / runs;
  }

  /** Median minutes to rollback over rolled-back runs of regression scenarios. */
  public double medianMinutesToRollbackOfRegressions() {
    double[] all = scenarios.stream().filter(s -> s.scenario().regression())
        .flatMapToDouble(s -> java.util.Arrays.stream(s.minutes(RunResult.End.ROLLED_BACK))).toArray();
    return ScenarioSummary.Stats.median(all);
  }

  /** Mean requests served by the canary in regression runs. */
  public double meanBadRequestsServedByCanaryOnRegressions() {
    return scenarios.stream().filter(s -> s.scenario().regression()).flatMap(s -> s.results().stream())
        .mapToDouble(RunResult::canaryRequests).average().orElse(Double.NaN);
  }
}
