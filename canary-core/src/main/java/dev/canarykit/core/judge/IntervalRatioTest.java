package dev.canarykit.core.judge;

import java.util.Arrays;

/**
 * A rollback e-process on the canary's share of an interval's failures, valid however failures cluster, whatever
 * the cluster sizes (docs/decisions.md, "Clumped failures"). The model: each failure cluster belongs wholly to one
 * version, the canary's with probability θ, independently of the others, and cluster sizes are independent with one
 * distribution for both versions. Given the number of clusters N, the expected share of failures that are the
 * canary's is E[N_c]/N = θ (the sizes are exchangeable), so in a stratum with failures the canary's share S of them
 * has mean θ. While the canary's rate of clusters per request is at most ρ0 times the primary's,
 * θ ≤ θ0 = κ/(1 + κ), κ = ρ0·n_c/n_p, and every bet 1 + λ·(S − θ0) with 0 ≤ λ ≤ 1/θ0 has expectation at most 1.
 * For each alternative r the bet is λ = (θ(r) − θ0)/(θ0·(1 − θ0)), θ(r) = r·n_c/(r·n_c + n_p): when only one version
 * failed (S = 1 or 0) that is the likelihood ratio θ(r)/θ0 or (1 − θ(r))/(1 − θ0) of which version failed. The
 * rollback e-value is the mean of these bets' products over the alternatives. A stratum without failures changes
 * nothing. Immutable.
 */
final class IntervalRatioTest {
  private final double rho0;
  private final double[] up;
  private final double[] logUp;
  private final long canaryFailures;
  private final long primaryFailures;

  private IntervalRatioTest(double rho0, double[] up, double[] logUp, long canaryFailures, long primaryFailures) {
    this.rho0 = rho0;
    this.up = up;
    this.logUp = logUp;
    this.canaryFailures = canaryFailures;
    this.primaryFailures = primaryFailures;
  }

  /** A fresh test with {@code gridPoints} alternatives from 1.25ρ0 to 20ρ0. */
  static IntervalRatioTest start(double rho0, int gridPoints) {
    double[] up = LogSpace.grid(1.25 * rho0, 20 * rho0, gridPoints);
    return new IntervalRatioTest(rho0, up, new double[up.length], 0, 0);
  }

  /** This test after one more stratum. */
  IntervalRatioTest update(double canaryRequests, double primaryRequests, long canaryFailures, long primaryFailures) {
    long failures = canaryFailures + primaryFailures;
    if (failures <= 0 || canaryRequests <= 0 || primaryRequests <= 0) {
      return this;
    }
    double share = (double) canaryFailures / failures;
    double theta0 = rho0 * canaryRequests / (rho0 * canaryRequests + primaryRequests);
    double[] next = logUp.clone();
    for (int k = 0; k < up.length; k++) {
      double theta = up[k] * canaryRequests / (up[k] * canaryRequests + primaryRequests);
      double bet = (theta - theta0) / (theta0 * (1 - theta0));
      next[k] += Math.log1p(bet * (share - theta0));
    }
    return new IntervalRatioTest(rho0, up, next, this.canaryFailures + canaryFailures,
        this.primaryFailures + primaryFailures);
  }

  double rollbackLogE() {
    return LogSpace.logMeanExp(logUp);
  }

  /** The canary's failures in the strata this test judged. */
  long canaryEvents() {
    return canaryFailures;
  }

  /** The primary's failures in the strata this test judged. */
  long primaryEvents() {
    return primaryFailures;
  }

  void writeTo(java.util.List<Double> out) {
    for (double v : logUp) {
      out.add(v);
    }
    out.add((double) canaryFailures);
    out.add((double) primaryFailures);
  }

  IntervalRatioTest readFrom(java.util.Iterator<Double> in) {
    double[] l = new double[up.length];
    for (int k = 0; k < l.length; k++) {
      l[k] = in.next();
    }
    return new IntervalRatioTest(rho0, up, l, in.next().longValue(), in.next().longValue());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IntervalRatioTest t && t.rho0 == rho0 && Arrays.equals(t.logUp, logUp)
        && t.canaryFailures == canaryFailures && t.primaryFailures == primaryFailures;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(logUp) + Long.hashCode(canaryFailures);
  }
}
