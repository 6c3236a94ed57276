package dev.canarykit.core.judge;

import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * The canary against Flagger's thresholds read as budgets: its failure rate (totals tempered for clusters, one test
 * per cluster-mean cell of {@link DispersionTests#cells}, and whether it failed in each interval) and its share of requests above the latency threshold. A test is absent
 * when its threshold is not set. Immutable.
 */
final class BudgetTests {
  private final JudgeConfig config;
  private final RateTest[] errors;
  private final IntervalRateTest errorIntervals;
  private final RateTest latency;
  private final RateTest latencyNi;

  private BudgetTests(JudgeConfig config, RateTest[] errors, IntervalRateTest errorIntervals, RateTest latency,
      RateTest latencyNi) {
    this.config = config;
    this.errors = errors;
    this.errorIntervals = errorIntervals;
    this.latency = latency;
    this.latencyNi = latencyNi;
  }

  static BudgetTests start(JudgeConfig c) {
    boolean errors = c.errorBudget() > 0;
    RateTest tail = c.latencyThresholdMs() > 0 ? RateTest.start(c.latencyTailBudget(), c.gridPoints()) : null;
    RateTest[] byCell = null;
    if (errors) {
      double[] cells = DispersionTests.cells(c.failureClusterMean());
      byCell = new RateTest[cells.length];
      for (int i = 0; i < cells.length; i++) {
        byCell[i] = RateTest.start(c.errorBudget(), c.gridPoints(), cells[i]);
      }
    }
    return new BudgetTests(c, byCell,
        errors ? IntervalRateTest.start(c.errorBudget(), c.gridPoints()) : null, tail, tail);
  }

  /** These tests after the canary's counts of one interval; latency is left out during warm-up. */
  BudgetTests update(VersionCounts c, boolean warmingUp) {
    long n = c.requestCount();
    RateTest[] e = errors == null ? null : errors.clone();
    for (int i = 0; e != null && i < e.length; i++) {
      e[i] = e[i].update(n, c.failureCount());
    }
    IntervalRateTest ei = errorIntervals == null ? null : errorIntervals.update(n, c.failureCount());
    if (latency == null || warmingUp) {
      return new BudgetTests(config, e, ei, latency, latencyNi);
    }
    double above = IstioBuckets.atOrAbove(config.latencyThresholdMs());
    double below = IstioBuckets.atOrBelow(config.latencyThresholdMs());
    return new BudgetTests(config, e, ei, latency.update(n, c.slowerThan(above)),
        latencyNi.update(n, c.slowerThan(below)));
  }

  /** The rollback tests valid when the failure cluster mean lies in cell {@code cell}. */
  void addRollbackTests(List<TestResult> out, int cell) {
    if (errors != null) {
      out.add(TestResult.of("errors/budget", errors[cell]));
      out.add(new TestResult("errors/budget-intervals", errorIntervals.rollbackLogE(), Double.NEGATIVE_INFINITY,
          errorIntervals.events(), 0));
    }
    if (latency != null) {
      out.add(TestResult.of("latency>" + GoNumber.of(IstioBuckets.atOrAbove(config.latencyThresholdMs()))
          + "ms/budget", latency));
    }
  }

  void addNonInferiorityTests(List<TestResult> out) {
    if (errors != null) {
      out.add(TestResult.of("errors/budget", bound()));
    }
    if (latencyNi != null) {
      out.add(TestResult.of("latency>" + GoNumber.of(IstioBuckets.atOrBelow(config.latencyThresholdMs()))
          + "ms/budget", latencyNi));
    }
  }

  double errorsNonInferiorityLogE() {
    return errors == null ? Double.NEGATIVE_INFINITY : bound().nonInferiorityLogE();
  }

  /** The failure budget test at the policy's cluster bound (the last cell): the one that judges non-inferiority. */
  private RateTest bound() {
    return errors[errors.length - 1];
  }

  double latencyNonInferiorityLogE() {
    return latencyNi == null ? Double.NEGATIVE_INFINITY : latencyNi.nonInferiorityLogE();
  }

  void writeTo(List<Double> out) {
    if (errors != null) {
      for (RateTest t : errors) {
        t.writeTo(out);
      }
      errorIntervals.writeTo(out);
    }
    if (latency != null) {
      latency.writeTo(out);
      latencyNi.writeTo(out);
    }
  }

  BudgetTests readFrom(Iterator<Double> in) {
    RateTest[] e = errors == null ? null : errors.clone();
    for (int i = 0; e != null && i < e.length; i++) {
      e[i] = e[i].readFrom(in);
    }
    IntervalRateTest ei = errors == null ? null : errorIntervals.readFrom(in);
    RateTest l = latency == null ? null : latency.readFrom(in);
    RateTest ln = latency == null ? null : latencyNi.readFrom(in);
    return new BudgetTests(config, e, ei, l, ln);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BudgetTests b && java.util.Arrays.equals(b.errors, errors)
        && Objects.equals(b.errorIntervals, errorIntervals) && Objects.equals(b.latency, latency)
        && Objects.equals(b.latencyNi, latencyNi);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(errors) * 31 + Objects.hashCode(latency);
  }
}
