package dev.canarykit.core.judge;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the judge remembers between intervals (about a hundred doubles): one e-process per test and the
 * totals for provenance. Immutable; {@link #update} returns the state after one more interval.
 */
public final class JudgeState {
  private final JudgeConfig config;
  private final RatioTest errors;
  private final RatioTest[] latency;
  private final RatioTest latencyNi;
  private final RateTest errorBudget;
  private final RateTest latencyBudget;
  private final RateTest latencyNiBudget;
  private final int intervals;
  private final double maxRollbackLogE;
  private final VersionTotals totals;

  private JudgeState(JudgeConfig config, RatioTest errors, RatioTest[] latency, RatioTest latencyNi,
      RateTest errorBudget, RateTest latencyBudget, RateTest latencyNiBudget, int intervals, double maxRollbackLogE,
      VersionTotals totals) {
    this.config = config;
    this.errors = errors;
    this.latency = latency;
    this.latencyNi = latencyNi;
    this.errorBudget = errorBudget;
    this.latencyBudget = latencyBudget;
    this.latencyNiBudget = latencyNiBudget;
    this.intervals = intervals;
    this.maxRollbackLogE = maxRollbackLogE;
    this.totals = totals;
  }

  /** The state before the first interval. */
  public static JudgeState start(JudgeConfig c) {
    RatioTest fresh = RatioTest.start(c.rollbackRatio(), c.promotionRatio(), c.gridPoints());
    RatioTest[] latency = new RatioTest[c.latencyEdgesMs().length];
    java.util.Arrays.fill(latency, fresh);
    boolean slo = c.latencyThresholdMs() > 0;
    return new JudgeState(c, fresh, latency, slo ? fresh : null,
        c.errorBudget() > 0 ? RateTest.start(c.errorBudget(), c.gridPoints()) : null,
        slo ? RateTest.start(c.latencyTailBudget(), c.gridPoints()) : null,
        slo ? RateTest.start(c.latencyTailBudget(), c.gridPoints()) : null,
        0, 0, VersionTotals.ZERO);
  }

  /** The state after {@code counts}; an interval in which the canary served nothing changes nothing. */
  public JudgeState update(IntervalCounts counts) {
    if (counts.isEmpty()) {
      return this;
    }
    VersionCounts p = counts.primary();
    VersionCounts c = counts.canary();
    double nc = c.requestCount();
    double np = p.requestCount();
    RatioTest[] lat = latency.clone();
    for (int i = 0; i < lat.length; i++) {
      double edge = config.latencyEdgesMs()[i];
      lat[i] = lat[i].update(nc, np, c.slowerThan(edge), p.slowerThan(edge));
    }
    double above = IstioBuckets.atOrAbove(config.latencyThresholdMs());
    double below = IstioBuckets.atOrBelow(config.latencyThresholdMs());
    JudgeState next = new JudgeState(config, errors.update(nc, np, c.failureCount(), p.failureCount()), lat,
        latencyNi == null ? null : latencyNi.update(nc, np, c.slowerThan(below), p.slowerThan(below)),
        errorBudget == null ? null : errorBudget.update(nc, c.failureCount()),
        latencyBudget == null ? null : latencyBudget.update(nc, c.slowerThan(above)),
        latencyNiBudget == null ? null : latencyNiBudget.update(nc, c.slowerThan(below)),
        intervals + 1, maxRollbackLogE, totals.plus(counts));
    return next.withMax(Math.max(maxRollbackLogE, next.rollbackLogE()));
  }

  private JudgeState withMax(double max) {
    return new JudgeState(config, errors, latency, latencyNi, errorBudget, latencyBudget, latencyNiBudget, intervals,
        max, totals);
  }

  /** The rollback tests, in a fixed order, with their names. */
  List<TestResult> rollbackTests() {
    List<TestResult> out = new ArrayList<>();
    out.add(TestResult.of("errors/primary", errors));
    for (int i = 0; i < latency.length; i++) {
      out.add(TestResult.of("latency>" + GoNumber.of(config.latencyEdgesMs()[i]) + "ms/primary", latency[i]));
    }
    if (errorBudget != null) {
      out.add(TestResult.of("errors/budget", errorBudget));
    }
    if (latencyBudget != null) {
      out.add(TestResult.of("latency>" + GoNumber.of(IstioBuckets.atOrAbove(config.latencyThresholdMs()))
          + "ms/budget", latencyBudget));
    }
    return out;
  }

  /** log of the combined rollback e-value: the equally weighted mean of every rollback test. */
  public double rollbackLogE() {
    return LogSpace.logMeanExp(rollbackTests().stream().mapToDouble(TestResult::rollbackLogE).toArray());
  }

  /** Whether the errors are shown non-inferior, on the ratio or against the budget (each at alpha_pr / 2). */
  boolean errorsNonInferior(double logThreshold) {
    return errors.nonInferiorityLogE() >= logThreshold
        || errorBudget != null && errorBudget.nonInferiorityLogE() >= logThreshold;
  }

  /** Whether latency is shown non-inferior at the threshold (true when no latency threshold is set). */
  boolean latencyNonInferior(double logThreshold) {
    return latencyNi == null || latencyNi.nonInferiorityLogE() >= logThreshold
        || latencyNiBudget.nonInferiorityLogE() >= logThreshold;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JudgeState s && s.config.equals(config) && s.errors.equals(errors)
        && java.util.Arrays.equals(s.latency, latency) && java.util.Objects.equals(s.latencyNi, latencyNi)
        && java.util.Objects.equals(s.errorBudget, errorBudget)
        && java.util.Objects.equals(s.latencyBudget, latencyBudget)
        && java.util.Objects.equals(s.latencyNiBudget, latencyNiBudget) && s.intervals == intervals
        && s.maxRollbackLogE == maxRollbackLogE && s.totals.equals(totals);
  }

  @Override
  public int hashCode() {
    return errors.hashCode() * 31 + intervals;
  }

  @Override
  public String toString() {
    return "JudgeState[intervals=" + intervals + ", rollbackLogE=" + rollbackLogE() + ", totals=" + totals + "]";
  }

  /** Appends the evolving state in a fixed order (see {@link JudgeStateCodec}). */
  void writeTo(List<Double> out) {
    out.add((double) intervals);
    out.add(maxRollbackLogE);
    out.add((double) totals.primaryRequests());
    out.add((double) totals.primaryFailures());
    out.add((double) totals.canaryRequests());
    out.add((double) totals.canaryFailures());
    errors.writeTo(out);
    for (RatioTest t : latency) {
      t.writeTo(out);
    }
    if (latencyNi != null) {
      latencyNi.writeTo(out);
    }
    if (errorBudget != null) {
      errorBudget.writeTo(out);
    }
    if (latencyBudget != null) {
      latencyBudget.writeTo(out);
      latencyNiBudget.writeTo(out);
    }
  }

  /** This fresh state with the evolving state read back, in {@link #writeTo} order. */
  JudgeState readFrom(java.util.Iterator<Double> in) {
    int n = in.next().intValue();
    double max = in.next();
    VersionTotals t = new VersionTotals(in.next().longValue(), in.next().longValue(), in.next().longValue(),
        in.next().longValue());
    RatioTest e = errors.readFrom(in);
    RatioTest[] lat = latency.clone();
    for (int i = 0; i < lat.length; i++) {
      lat[i] = lat[i].readFrom(in);
    }
    RatioTest ni = latencyNi == null ? null : latencyNi.readFrom(in);
    RateTest eb = errorBudget == null ? null : errorBudget.readFrom(in);
    RateTest lb = latencyBudget == null ? null : latencyBudget.readFrom(in);
    RateTest lnb = latencyNiBudget == null ? null : latencyNiBudget.readFrom(in);
    return new JudgeState(config, e, lat, ni, eb, lb, lnb, n, max, t);
  }

  /** The policy. */
  public JudgeConfig config() {
    return config;
  }

  /** Intervals with data judged so far. */
  public int intervals() {
    return intervals;
  }

  /** The largest combined rollback log e-value seen so far (its inverse exp is the always-valid p-value). */
  public double maxRollbackLogE() {
    return maxRollbackLogE;
  }

  /** Request and failure totals per version. */
  public VersionTotals totals() {
    return totals;
  }

  /** NI log e-values for provenance. */
  List<TestResult> nonInferiorityTests() {
    List<TestResult> out = new ArrayList<>();
    out.add(TestResult.of("errors/primary", errors));
    if (errorBudget != null) {
      out.add(TestResult.of("errors/budget", errorBudget));
    }
    if (latencyNi != null) {
      String edge = GoNumber.of(IstioBuckets.atOrBelow(config.latencyThresholdMs()));
      out.add(TestResult.of("latency>" + edge + "ms/primary", latencyNi));
      out.add(TestResult.of("latency>" + edge + "ms/budget", latencyNiBudget));
    }
    return out;
  }
}
