package dev.canarykit.core.judge;

import java.util.Arrays;

/**
 * The conditional-binomial e-process for a rate ratio ρ = canary rate ÷ primary rate of some event (a failure, a
 * request slower than an edge), from counts per interval and source ({@code docs/judge-statistics.md} §2;
 * docs/decisions.md, "The statistical judge").
 *
 * <p>Given a stratum's total events {@code F = x_c + x_p}, the canary's share is Binomial(F, θ(ρ)) with
 * θ(r) = r·n_c / (r·n_c + n_p): the unknown shared baseline cancels and only the realized split enters. For every r
 * of two log-spaced grids the state keeps the log-likelihood ratio of θ(r) against the null share, summed over
 * strata and intervals:
 * <ul>
 *   <li>the rollback e-value (H0: ρ ≤ ρ0) is the mean over r_k in [1.25ρ0, 20ρ0] of these ratios against θ(ρ0);</li>
 *   <li>the non-inferiority e-value (H0': ρ ≥ ρ1) is the mean over r_k in [ρ1/20, ρ1/1.25] against θ(ρ1).</li>
 * </ul>
 * Both are test supermartingales under their nulls, so by Ville's inequality crossing 1/α has probability ≤ α
 * however often the judge looks. With a failure cluster mean M &gt; 1 each stratum's ratio is raised to the power
 * {@link Clusters#ratioExponent} of its split, which keeps them e-values when events come in clusters. Immutable.
 */
final class RatioTest {
  private final double rho0;
  private final double rho1;
  private final double clusterMean;
  private final double[] up;
  private final double[] down;
  private final double[] logUp;
  private final double[] logDown;
  private final long canaryEvents;
  private final long primaryEvents;
  private final boolean judgesNonInferiority;

  private RatioTest(double rho0, double rho1, double clusterMean, double[] up, double[] down, double[] logUp,
      double[] logDown, long canaryEvents, long primaryEvents) {
    this(rho0, rho1, clusterMean, up, down, logUp, logDown, canaryEvents, primaryEvents, true);
  }

  private RatioTest(double rho0, double rho1, double clusterMean, double[] up, double[] down, double[] logUp,
      double[] logDown, long canaryEvents, long primaryEvents, boolean judgesNonInferiority) {
    this.judgesNonInferiority = judgesNonInferiority;
    this.rho0 = rho0;
    this.rho1 = rho1;
    this.clusterMean = clusterMean;
    this.up = up;
    this.down = down;
    this.logUp = logUp;
    this.logDown = logDown;
    this.canaryEvents = canaryEvents;
    this.primaryEvents = primaryEvents;
  }

  /**
   * A fresh test of independent events with the default grids: {@code gridPoints} log-spaced alternatives from
   * 1.25ρ0 to 20ρ0 for rollback and from ρ1/20 to ρ1/1.25 for non-inferiority, equally weighted.
   *
   * @param rho0 the rollback margin (1.2 means "more than 20% worse")
   * @param rho1 the promotion margin (1.5 means "at most 50% worse")
   */
  public static RatioTest start(double rho0, double rho1, int gridPoints) {
    return start(rho0, rho1, gridPoints, 1);
  }

  /** A fresh test that stays valid when events come in clusters of mean up to {@code clusterMean}. */
  public static RatioTest start(double rho0, double rho1, int gridPoints, double clusterMean) {
    return withGrids(rho0, rho1, LogSpace.grid(1.25 * rho0, 20 * rho0, gridPoints),
        LogSpace.grid(rho1 / 20, rho1 / 1.25, gridPoints), clusterMean);
  }

  /** A fresh test of independent events with explicit alternatives (for worked examples and tests). */
  public static RatioTest withGrids(double rho0, double rho1, double[] up, double[] down) {
    return withGrids(rho0, rho1, up, down, 1);
  }

  private static RatioTest withGrids(double rho0, double rho1, double[] up, double[] down, double clusterMean) {
    if (!(rho0 > 0) || !(rho1 > 0) || up.length == 0 || down.length == 0 || !(clusterMean >= 1)) {
      throw new IllegalArgumentException("margins must be > 0, grids non-empty and the cluster mean >= 1, but were "
          + rho0 + ", " + rho1 + ", " + clusterMean);
    }
    return new RatioTest(rho0, rho1, clusterMean, up.clone(), down.clone(), new double[up.length],
        new double[down.length], 0, 0);
  }

  /**
   * This test after one more stratum (one source in one interval). A stratum without events ({@code F = 0}) or
   * without requests on one side changes nothing.
   *
   * @param canaryRequests n_c, the canary's requests
   * @param primaryRequests n_p
   * @param canaryEvents x_c, the canary's events (failures, slow requests), at most n_c
   * @param primaryEvents x_p, at most n_p
   */
  public RatioTest update(double canaryRequests, double primaryRequests, long canaryEvents, long primaryEvents) {
    if (canaryEvents + primaryEvents == 0 || canaryRequests <= 0 || primaryRequests <= 0) {
      return this;
    }
    double[] nu = logUp.clone();
    double[] nd = logDown.clone();
    for (int k = 0; k < up.length; k++) {
      nu[k] += logRatio(up[k], rho0, canaryRequests, primaryRequests, canaryEvents, primaryEvents);
    }
    for (int k = 0; k < down.length && judgesNonInferiority; k++) {
      nd[k] += logRatio(down[k], rho1, canaryRequests, primaryRequests, canaryEvents, primaryEvents);
    }
    return new RatioTest(rho0, rho1, clusterMean, up, down, nu, nd, this.canaryEvents + canaryEvents,
        this.primaryEvents + primaryEvents, judgesNonInferiority);
  }

  /** The (tempered) log-likelihood ratio of share θ(r) against θ(base): x_c·ln(θr/θb) + x_p·ln((1−θr)/(1−θb)). */
  private double logRatio(double r, double base, double nc, double np, long xc, long xp) {
    double logDenR = Math.log(r * nc + np);
    double logDenB = Math.log(base * nc + np);
    double raw = xc * (Math.log(r / base) + logDenB - logDenR) + xp * (logDenB - logDenR);
    if (clusterMean <= 1) {
      return raw;
    }
    double thetaR = r * nc / (r * nc + np);
    double thetaB = base * nc / (base * nc + np);
    return Clusters.ratioExponent(thetaB, thetaR, clusterMean) * raw;
  }

  /**
   * This fresh test without its non-inferiority side (its e-value stays 1): for tests whose rollback evidence
   * alone is used, which then cost half as much to update.
   */
  RatioTest rollbackOnly() {
    return new RatioTest(rho0, rho1, clusterMean, up, down, logUp, logDown, canaryEvents, primaryEvents, false);
  }

  /** log of the rollback e-value (evidence that ρ &gt; ρ0). */
  public double rollbackLogE() {
    return LogSpace.logMeanExp(logUp);
  }

  /** log of the non-inferiority e-value (evidence that ρ &lt; ρ1). */
  public double nonInferiorityLogE() {
    return LogSpace.logMeanExp(logDown);
  }

  /** Appends the evolving part of the state (the grids come from the policy). */
  void writeTo(java.util.List<Double> out) {
    for (double v : logUp) {
      out.add(v);
    }
    for (double v : logDown) {
      out.add(v);
    }
    out.add((double) canaryEvents);
    out.add((double) primaryEvents);
  }

  /** This fresh test with the evolving state read back from {@code in}. */
  RatioTest readFrom(java.util.Iterator<Double> in) {
    double[] nu = new double[up.length];
    double[] nd = new double[down.length];
    for (int k = 0; k < nu.length; k++) {
      nu[k] = in.next();
    }
    for (int k = 0; k < nd.length; k++) {
      nd[k] = in.next();
    }
    return new RatioTest(rho0, rho1, clusterMean, up, down, nu, nd, in.next().longValue(), in.next().longValue(),
        judgesNonInferiority);
  }

  /** Canary events counted so far. */
  public long canaryEvents() {
    return canaryEvents;
  }

  /** Primary events counted so far. */
  public long primaryEvents() {
    return primaryEvents;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RatioTest t && t.rho0 == rho0 && t.rho1 == rho1 && t.clusterMean == clusterMean
        && Arrays.equals(t.up, up) && Arrays.equals(t.down, down) && Arrays.equals(t.logUp, logUp)
        && Arrays.equals(t.logDown, logDown) && t.canaryEvents == canaryEvents && t.primaryEvents == primaryEvents;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(logUp) * 31 + Arrays.hashCode(logDown) + Long.hashCode(canaryEvents);
  }

  @Override
  public String toString() {
    return "RatioTest[rho0=" + rho0 + ", rho1=" + rho1 + ", clusterMean=" + clusterMean + ", logE=" + rollbackLogE()
        + "/" + nonInferiorityLogE() + ", events=" + canaryEvents + "/" + primaryEvents + "]";
  }
}
