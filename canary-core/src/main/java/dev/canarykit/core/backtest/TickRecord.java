package dev.canarykit.core.backtest;

import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.judge.Judgement;
import dev.canarykit.core.model.Phase;
import java.time.Instant;
import java.util.List;

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
