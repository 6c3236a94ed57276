package dev.canarykit.core.judge;

/**
 * One test's evidence, for provenance.
 *
 * @param name what is tested, e.g. {@code errors/primary} (ratio to the primary), {@code latency>500ms/budget} or
 *     {@code errors/primary-share} (the canary's share of each interval's failures)
 * @param rollbackLogE log e-value against "no worse than the margin"
 * @param nonInferiorityLogE log e-value against "worse than the promotion margin"
 * @param canaryEvents canary events (failures or slow requests) counted by the test
 * @param primaryEvents primary events counted (0 for budget tests)
 */
public record TestResult(String name, double rollbackLogE, double nonInferiorityLogE, double canaryEvents,
    double primaryEvents) {

  static TestResult of(String name, RatioTest t) {
    return new TestResult(name, t.rollbackLogE(), t.nonInferiorityLogE(), t.canaryEvents(), t.primaryEvents());
  }

  static TestResult of(String name, RateTest t) {
    return new TestResult(name, t.rollbackLogE(), t.nonInferiorityLogE(), t.events(), 0);
  }
}
