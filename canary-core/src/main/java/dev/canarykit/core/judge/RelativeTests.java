package dev.canarykit.core.judge;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The canary-versus-primary tests, fed source by source: failures (counts tempered for clusters, one test per
 * cluster-mean cell of {@link DispersionTests#cells}, and the canary's share of each interval's failures) and
 * requests slower than each latency edge, with the non-inferiority test at the latency threshold. Immutable.
 */
final class RelativeTests {
  private final JudgeConfig config;
  private final RatioTest[] errors;
  private final IntervalRatioTest errorIntervals;
  private final RatioTest[] latency;
  private final RatioTest latencyNi;

  private RelativeTests(JudgeConfig config, RatioTest[] errors, IntervalRatioTest errorIntervals, RatioTest[] latency,
      RatioTest latencyNi) {
    this.config = config;
    this.errors = errors;
    this.errorIntervals = errorIntervals;
    this.latency = latency;
    this.latencyNi = latencyNi;
  }

  static RelativeTests start(JudgeConfig c) {
    RatioTest plain = RatioTest.start(c.rollbackRatio(), c.promotionRatio(), c.gridPoints());
    RatioTest[] latency = new RatioTest[c.latencyEdgesMs().length];
    Arrays.fill(latency, plain);
    double[] cells = DispersionTests.cells(c.failureClusterMean());
    RatioTest[] errors = new RatioTest[cells.length];
    for (int i = 0; i < cells.length; i++) {
      RatioTest t = RatioTest.start(c.rollbackRatio(), c.promotionRatio(), c.gridPoints(), cells[i]);
      errors[i] = i == cells.length - 1 ? t : t.rollbackOnly();
    }
    return new RelativeTests(c, errors, IntervalRatioTest.start(c.rollbackRatio(), c.gridPoints()), latency,
        c.latencyThresholdMs() > 0 ? plain : null);
  }

  /** These tests after the strata of one interval; latency is left out during warm-up. */
  RelativeTests update(List<SourceCounts> strata, boolean warmingUp) {
    RatioTest[] e = errors.clone();
    IntervalRatioTest ei = errorIntervals;
    RatioTest[] lat = latency.clone();
    RatioTest ni = latencyNi;
    double below = IstioBuckets.atOrBelow(config.latencyThresholdMs());
    for (SourceCounts s : strata) {
      VersionCounts c = s.canary();
      VersionCounts p = s.primary();
      double nc = c.requestCount();
      double np = p.requestCount();
      for (int i = 0; i < e.length; i++) {
        e[i] = e[i].update(nc, np, c.failureCount(), p.failureCount());
      }
      ei = ei.update(nc, np, c.failureCount(), p.failureCount());
      if (warmingUp) {
        continue;
      }
      for (int i = 0; i < lat.length; i++) {
        double edge = config.latencyEdgesMs()[i];
        lat[i] = lat[i].update(nc, np, c.slowerThan(edge), p.slowerThan(edge));
      }
      ni = ni == null ? null : ni.update(nc, np, c.slowerThan(below), p.slowerThan(below));
    }
    return new RelativeTests(config, e, ei, lat, ni);
  }

  /** The rollback tests valid when the failure cluster mean lies in cell {@code cell}. */
  void addRollbackTests(List<TestResult> out, int cell) {
    out.add(TestResult.of("errors/primary", errors[cell]));
    out.add(new TestResult("errors/primary-share", errorIntervals.rollbackLogE(), Double.NEGATIVE_INFINITY,
        errorIntervals.canaryEvents(), errorIntervals.primaryEvents()));
    for (int i = 0; i < latency.length; i++) {
      out.add(TestResult.of("latency>" + GoNumber.of(config.latencyEdgesMs()[i]) + "ms/primary", latency[i]));
    }
  }

  void addNonInferiorityTests(List<TestResult> out) {
    out.add(TestResult.of("errors/primary", bound()));
    if (latencyNi != null) {
      out.add(TestResult.of("latency>" + GoNumber.of(IstioBuckets.atOrBelow(config.latencyThresholdMs()))
          + "ms/primary", latencyNi));
    }
  }

  double errorsNonInferiorityLogE() {
    return bound().nonInferiorityLogE();
  }

  /** The failure test at the policy's cluster bound (the last cell): the one that judges non-inferiority. */
  private RatioTest bound() {
    return errors[errors.length - 1];
  }

  /** log NI e-value at the latency threshold; −∞ without a threshold. */
  double latencyNonInferiorityLogE() {
    return latencyNi == null ? Double.NEGATIVE_INFINITY : latencyNi.nonInferiorityLogE();
  }

  void writeTo(List<Double> out) {
    for (RatioTest t : errors) {
      t.writeTo(out);
    }
    errorIntervals.writeTo(out);
    for (RatioTest t : latency) {
      t.writeTo(out);
    }
    if (latencyNi != null) {
      latencyNi.writeTo(out);
    }
  }

  RelativeTests readFrom(Iterator<Double> in) {
    RatioTest[] e = errors.clone();
    for (int i = 0; i < e.length; i++) {
      e[i] = e[i].readFrom(in);
    }
    IntervalRatioTest ei = errorIntervals.readFrom(in);
    RatioTest[] lat = latency.clone();
    for (int i = 0; i < lat.length; i++) {
      lat[i] = lat[i].readFrom(in);
    }
    return new RelativeTests(config, e, ei, lat, latencyNi == null ? null : latencyNi.readFrom(in));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RelativeTests r && Arrays.equals(r.errors, errors) && r.errorIntervals.equals(errorIntervals)
        && Arrays.equals(r.latency, latency) && java.util.Objects.equals(r.latencyNi, latencyNi);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(errors);
  }
}
