package dev.canarykit.core.judge;

import java.util.Arrays;

/**
 * A rollback e-process on whether the canary had any failure in an interval, against its failure budget p0, valid
 * however failures cluster (docs/decisions.md, "Clumped failures"). With n requests, the chance of at least one
 * failure is at most π0 = 1 − (1 − p0)^n while the rate is at most p0 (clusters only make failures rarer events).
 * Each interval multiplies the mixture over p of π(p)/π0 (a failure) or (1 − π(p))/(1 − π0) (none), π(p) the chance
 * under independent failures at rate p. Immutable.
 */
final class IntervalRateTest {
  private final double p0;
  private final double[] up;
  private final double[] logUp;
  private final long failing;
  private final long intervals;

  private IntervalRateTest(double p0, double[] up, double[] logUp, long failing, long intervals) {
    this.p0 = p0;
    this.up = up;
    this.logUp = logUp;
    this.failing = failing;
    this.intervals = intervals;
  }

  /** A fresh test of the budget {@code p0}, with the alternatives of {@link RateTest#start}. */
  static IntervalRateTest start(double p0, int gridPoints) {
    double[] up = RateTest.rollbackGrid(p0, gridPoints);
    return new IntervalRateTest(p0, up, new double[up.length], 0, 0);
  }

  /** This test after an interval with {@code requests} canary requests of which {@code failures} failed. */
  IntervalRateTest update(long requests, long failures) {
    if (requests <= 0) {
      return this;
    }
    boolean failed = failures > 0;
    double logNone0 = requests * Math.log1p(-p0);
    double[] next = logUp.clone();
    for (int k = 0; k < up.length; k++) {
      double logNone = requests * Math.log1p(-up[k]);
      next[k] += failed ? Math.log(-Math.expm1(logNone)) - Math.log(-Math.expm1(logNone0)) : logNone - logNone0;
    }
    return new IntervalRateTest(p0, up, next, failing + (failed ? 1 : 0), intervals + 1);
  }

  double rollbackLogE() {
    return LogSpace.logMeanExp(logUp);
  }

  /** Intervals with at least one canary failure. */
  long events() {
    return failing;
  }

  void writeTo(java.util.List<Double> out) {
    for (double v : logUp) {
      out.add(v);
    }
    out.add((double) failing);
    out.add((double) intervals);
  }

  IntervalRateTest readFrom(java.util.Iterator<Double> in) {
    double[] l = new double[up.length];
    for (int k = 0; k < l.length; k++) {
      l[k] = in.next();
    }
    return new IntervalRateTest(p0, up, l, in.next().longValue(), in.next().longValue());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IntervalRateTest t && t.p0 == p0 && Arrays.equals(t.logUp, logUp) && t.failing == failing
        && t.intervals == intervals;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(logUp) + Long.hashCode(intervals);
  }
}
