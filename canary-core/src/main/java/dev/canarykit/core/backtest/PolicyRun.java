package dev.canarykit.core.backtest;

import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.judge.Judgement;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.simulation.Policy;
import dev.canarykit.core.simulation.RunResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What one policy would have done over a release window, decided from history's observations.
 *
 * @param policy the policy
 * @param start the window's start, from which minutes are counted
 * @param ticks every tick replayed, in order
 * @param decision rolled back, promoted (the promotion started), or undecided by the window's end
 * @param decidedAt the tick of the decision, or {@code null} when undecided
 * @param firstFailedCheck the first tick that counted a failed check or rolled back, or {@code null}
 * @param firstHalt the first tick that halted advancement, or {@code null}
 * @param historyEnded when the replay stopped because history's canary served nothing from then on while this
 *     policy was still analysing (history's own release had ended), or {@code null}
 * @since 0.1.0
 */
public record PolicyRun(Policy policy, Instant start, List<TickRecord> ticks, RunResult.End decision,
    Instant decidedAt, Instant firstFailedCheck, Instant firstHalt, Instant historyEnded) {

  public PolicyRun {
    Objects.requireNonNull(policy, "policy == null");
    Objects.requireNonNull(start, "start == null");
    ticks = List.copyOf(ticks);
    Objects.requireNonNull(decision, "decision == null");
  }

  /** Minutes from the window's start to the decision; empty when undecided. */
  public OptionalDouble minutesToDecision() {
    return minutes(decidedAt);
  }

  /** Minutes from the window's start to the first failed check; empty when none. */
  public OptionalDouble firstFailedCheckMinutes() {
    return minutes(firstFailedCheck);
  }

  /** Minutes from the window's start to the first halt; empty when none. */
  public OptionalDouble firstHaltMinutes() {
    return minutes(firstHalt);
  }

  private OptionalDouble minutes(Instant t) {
    return t == null ? OptionalDouble.empty() : OptionalDouble.of(Duration.between(start, t).toMillis() / 60_000.0);
  }

  /**
   * One replayed tick of one policy.
   *
   * @param at the tick's time
   * @param phase the phase the tick ended in
   * @param canaryWeight the canary weight the policy set (or kept) at this tick: the weight it would have routed
   *     until the next tick. History's own weights are in the observations.
   * @param failedChecks the failed checks counted after the tick
   * @param checkedMetrics the metrics the policy queried at this tick, in order (Flagger stops at the first failure;
   *     the judge checks the built-in metrics as budgets instead)
   * @param judgement the statistical judge's judgement at this tick, or {@code null}
   * @param events the events the policy emitted, with Flagger's texts
   * @param skippedWebhooks the webhooks the policy would have called, as {@code name (type)}: none was called
   * @since 0.1.0
   */
  public record TickRecord(Instant at, Phase phase, int canaryWeight, int failedChecks, List<String> checkedMetrics,
      Judgement judgement, List<CanaryEvent> events, List<String> skippedWebhooks) {

    public TickRecord {
      checkedMetrics = List.copyOf(checkedMetrics);
      events = List.copyOf(events);
      skippedWebhooks = List.copyOf(skippedWebhooks);
    }
  }
}
