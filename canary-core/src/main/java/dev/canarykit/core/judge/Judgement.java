package dev.canarykit.core.judge;

import java.util.List;

/**
 * A verdict with its provenance: what was counted, each test's statistic, the bounds, the alpha spent and the
 * policy that decided.
 *
 * @param verdict the verdict
 * @param action what the policy does with it (the horizon action when the horizon was reached undecided)
 * @param state the judge's state after this interval (persist it)
 * @param rollbackTests every rollback test's evidence
 * @param nonInferiorityTests every non-inferiority test's evidence
 * @param rollbackLogE the combined rollback log e-value
 * @param rollbackBound log(1/alpha): the combined value at which the judge rolls back
 * @param nonInferiorityBound log(2/alphaPromotion): the bound each non-inferiority test must reach
 * @param alphaSpent the always-valid p-value min(1, 1/max E): how much of alpha the evidence has used
 * @param horizonReached whether the rollout hit its horizon undecided
 * @param policyVersion the policy that decided
 */
public record Judgement(
    Verdict verdict, Action action, JudgeState state, List<TestResult> rollbackTests,
    List<TestResult> nonInferiorityTests, double rollbackLogE, double rollbackBound, double nonInferiorityBound,
    double alphaSpent, boolean horizonReached, String policyVersion) {

  public Judgement {
    rollbackTests = List.copyOf(rollbackTests);
    nonInferiorityTests = List.copyOf(nonInferiorityTests);
  }

  /** One line for an event or a log: verdict, combined evidence against its bound, totals. */
  public String summary() {
    VersionTotals t = state.totals();
    return String.format(java.util.Locale.ROOT,
        "%s: e=%.3g (rollback at %.3g), p=%.3g, canary %d/%d failed, primary %d/%d failed, %d intervals, %s",
        verdict, Math.exp(rollbackLogE), Math.exp(rollbackBound), alphaSpent, t.canaryFailures(),
        t.canaryRequests(), t.primaryFailures(), t.primaryRequests(), state.intervals(), policyVersion);
  }
}
