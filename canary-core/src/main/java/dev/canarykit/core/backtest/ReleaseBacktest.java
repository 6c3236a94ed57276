package dev.canarykit.core.backtest;

import dev.canarykit.core.backtest.History.Observation;
import dev.canarykit.core.simulation.Policy;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One release window replayed: what history showed at each tick and what each policy would have done with it.
 *
 * @param window the window
 * @param interval the analysis interval (the time between ticks)
 * @param observations one per tick, from the window's start
 * @param runs one per policy, in the order asked
 * @since 0.1.0
 */
public record ReleaseBacktest(ReleaseWindow window, Duration interval, List<Observation> observations,
    List<PolicyRun> runs) {

  public ReleaseBacktest {
    Objects.requireNonNull(window, "window == null");
    Objects.requireNonNull(interval, "interval == null");
    observations = List.copyOf(observations);
    runs = List.copyOf(runs);
  }

  /** The run of {@code policy}. */
  public PolicyRun run(Policy policy) {
    return runs.stream().filter(r -> r.policy() == policy).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("policy " + policy.wireName() + " was not replayed"));
  }

  /**
   * Whether {@code run}'s decision contradicts the team's verdict: a release labelled good that was not promoted,
   * or one labelled bad that was not rolled back. Unlabelled releases never disagree.
   */
  public boolean disagrees(PolicyRun run) {
    return window.verdict().map(v -> v == ReleaseWindow.Label.GOOD
        ? run.decision() != dev.canarykit.core.simulation.RunResult.End.PROMOTED
        : run.decision() != dev.canarykit.core.simulation.RunResult.End.ROLLED_BACK).orElse(false);
  }
}
