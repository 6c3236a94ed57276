package dev.canarykit.core.judge;

import dev.canarykit.core.model.CanarySpec;
import dev.canarykit.core.model.MetricSpec;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * The judge's policy, frozen before the first interval (changing it mid-rollout voids the guarantee).
 *
 * @param alpha probability bound of rolling back a canary within the rollback margins, over the whole rollout
 * @param alphaPromotion probability bound of declaring a canary beyond its promotion margin non-inferior
 * @param rollbackRatio ρ0: rates up to this many times the primary's count as "no worse" (1.2 = 20% worse)
 * @param promotionRatio ρ1: rates below this many times the primary's are non-inferior (1.5)
 * @param gridPoints alternatives per mixture (12)
 * @param latencyEdgesMs Istio bucket edges whose exceedance ratio is tested for rollback
 * @param errorBudget the canary's own failure budget (1 − success-rate minimum), or 0 for none
 * @param latencyThresholdMs the P99 limit in ms (request-duration maximum), or 0 for none
 * @param latencyTailBudget the share of requests allowed above {@code latencyThresholdMs} (0.01 for a P99)
 * @param minRollbackEvents canary events a test needs before it may roll back (a gate: keeps the guarantee)
 * @param horizonIntervals analysed intervals after which {@code onHorizon} applies to an undecided rollout
 * @param onHorizon what an undecided rollout does at the horizon
 * @param actions the action for each verdict
 * @param policyVersion names this policy in provenance
 */
public record JudgeConfig(
    double alpha, double alphaPromotion, double rollbackRatio, double promotionRatio, int gridPoints,
    double[] latencyEdgesMs, double errorBudget, double latencyThresholdMs, double latencyTailBudget,
    int minRollbackEvents, int horizonIntervals, Action onHorizon, Map<Verdict, Action> actions,
    String policyVersion) {

  /** The version of the default policy. */
  public static final String POLICY_VERSION = "canarykit-judge/1";

  public JudgeConfig {
    require(alpha > 0 && alpha < 1, "alpha must be in (0, 1)", alpha);
    require(alphaPromotion > 0 && alphaPromotion < 1, "alphaPromotion must be in (0, 1)", alphaPromotion);
    require(rollbackRatio >= 1, "rollbackRatio must be >= 1", rollbackRatio);
    require(promotionRatio >= rollbackRatio, "promotionRatio must be >= rollbackRatio", promotionRatio);
    require(gridPoints >= 1, "gridPoints must be >= 1", gridPoints);
    require(errorBudget >= 0 && errorBudget < 1, "errorBudget must be in [0, 1)", errorBudget);
    require(latencyTailBudget > 0 && latencyTailBudget < 1, "latencyTailBudget must be in (0, 1)",
        latencyTailBudget);
    require(horizonIntervals >= 1, "horizonIntervals must be >= 1", horizonIntervals);
    latencyEdgesMs = latencyEdgesMs.clone();
    for (double e : latencyEdgesMs) {
      require(IstioBuckets.indexOf(e) >= 0, "latency edges must be Istio bucket edges", e);
    }
    Map<Verdict, Action> copy = new EnumMap<>(DEFAULT_ACTIONS);
    copy.putAll(actions);
    actions = Map.copyOf(copy);
  }

  private static final Map<Verdict, Action> DEFAULT_ACTIONS = Map.of(
      Verdict.REGRESSION, Action.ROLLBACK,
      Verdict.NON_INFERIOR, Action.ADVANCE,
      Verdict.INCONCLUSIVE, Action.ADVANCE_BELOW_MAX,
      Verdict.NO_DATA, Action.FAIL_CHECK,
      Verdict.ERROR, Action.FAIL_CHECK);

  private static void require(boolean ok, String message, Object value) {
    if (!ok) {
      throw new IllegalArgumentException(message + ", but was " + value);
    }
  }

  /** The defaults with no absolute budgets. */
  public static JudgeConfig ofDefaults() {
    return new JudgeConfig(0.05, 0.05, 1.2, 1.5, 12, new double[] {100, 250, 500, 1000}, 0, 0, 0.01, 3, 30,
        Action.PROMOTE, Map.of(), POLICY_VERSION);
  }

  /** How much analysis time an undecided rollout gets before the horizon action, by default. */
  public static final java.time.Duration DEFAULT_HORIZON = java.time.Duration.ofMinutes(30);

  /**
   * The defaults, with Flagger's built-in thresholds of {@code spec} read as budgets: a request-success-rate
   * minimum m gives a failure budget of 1 − m/100; a request-duration maximum gives the P99 limit. The horizon is
   * {@link #DEFAULT_HORIZON} of analysis, in intervals of the canary's analysis interval.
   */
  public static JudgeConfig forCanary(CanarySpec spec) {
    long interval = spec.analysisOrEmpty().intervalOrDefault().toSeconds();
    int horizon = (int) Math.max(1, (DEFAULT_HORIZON.toSeconds() + interval - 1) / interval);
    JudgeConfig d = ofDefaults();
    JudgeConfig c = new JudgeConfig(d.alpha, d.alphaPromotion, d.rollbackRatio, d.promotionRatio, d.gridPoints,
        d.latencyEdgesMs, 0, 0, d.latencyTailBudget, d.minRollbackEvents, horizon, d.onHorizon, d.actions,
        d.policyVersion);
    double errorBudget = 0;
    double latency = 0;
    for (MetricSpec m : spec.analysisOrEmpty().metrics()) {
      if (m.kind() != MetricSpec.Kind.BUILTIN) {
        continue;
      }
      if (MetricSpec.REQUEST_SUCCESS_RATE.equals(m.name())) {
        Double min = m.thresholdRange() != null ? m.thresholdRange().min() : m.threshold();
        errorBudget = min != null && min < 100 && min > 0 ? 1 - min / 100 : 0;
      } else {
        Double max = m.thresholdRange() != null ? m.thresholdRange().max() : m.threshold();
        latency = max != null && max > 0 ? max : 0;
      }
    }
    return c.with(errorBudget, latency);
  }

  /** A copy with other absolute budgets. */
  public JudgeConfig with(double newErrorBudget, double newLatencyThresholdMs) {
    return new JudgeConfig(alpha, alphaPromotion, rollbackRatio, promotionRatio, gridPoints, latencyEdgesMs,
        newErrorBudget, newLatencyThresholdMs, latencyTailBudget, minRollbackEvents, horizonIntervals, onHorizon,
        actions, policyVersion);
  }

  /** A copy with another alpha. */
  public JudgeConfig withAlpha(double newAlpha) {
    return new JudgeConfig(newAlpha, alphaPromotion, rollbackRatio, promotionRatio, gridPoints, latencyEdgesMs,
        errorBudget, latencyThresholdMs, latencyTailBudget, minRollbackEvents, horizonIntervals, onHorizon,
        actions, policyVersion);
  }

  /** The action for {@code verdict}. */
  public Action action(Verdict verdict) {
    return actions.get(verdict);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JudgeConfig c && c.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  @Override
  public String toString() {
    return "JudgeConfig[alpha=" + alpha + ", alphaPromotion=" + alphaPromotion + ", rollbackRatio=" + rollbackRatio
        + ", promotionRatio=" + promotionRatio + ", gridPoints=" + gridPoints + ", latencyEdgesMs="
        + Arrays.toString(latencyEdgesMs) + ", errorBudget=" + errorBudget + ", latencyThresholdMs="
        + latencyThresholdMs + ", latencyTailBudget=" + latencyTailBudget + ", minRollbackEvents="
        + minRollbackEvents + ", horizonIntervals=" + horizonIntervals + ", onHorizon=" + onHorizon
        + ", actions=" + new java.util.TreeMap<>(actions) + ", policyVersion=" + policyVersion + "]";
  }
}
