package dev.canarykit.core.judge;

import java.util.Arrays;

/**
 * The conditional-binomial e-process for a rate ratio ρ = canary rate ÷ primary rate of some event (a failure, a
 * request slower than an edge), from counts per interval ({@code docs/judge-statistics.md} §2).
 *
 * <p>Given an interval's total events {@code F = x_c + x_p}, the canary's share is Binomial(F, θ(ρ)) with
 * θ(r) = r·n_c / (r·n_c + n_p): the unknown shared baseline cancels and only the realized split enters. The state
 * keeps λ(r) = Σ [x_c·ln r − F·ln(r·n_c + n_p)] for every r of two log-spaced grids, so
 * <ul>
 *   <li>the rollback e-value (H0: ρ ≤ ρ0) is the mean over r_k in [1.25ρ0, 20ρ0] of exp(λ(r_k) − λ(ρ0));</li>
 *   <li>the non-inferiority e-value (H0': ρ ≥ ρ1) is the mean over r_k in [ρ1/20, ρ1/1.25] of exp(λ(r_k) − λ(ρ1)).</li>
 * </ul>
 * Both are test supermartingales under their nulls, so by Ville's inequality crossing 1/α has probability ≤ α
 * however often the judge looks. Immutable.
 */
final class RatioTest {
  private final double rho0;
  private final double rho1;
  private final double[] up;
  private final double[] down;
  private final double[] lambdaUp;
  private final double[] lambdaDown;
  private final double lambdaRho0;
  private final double lambdaRho1;
  private final long canaryEvents;
  private final long primaryEvents;

  private RatioTest(double rho0, double rho1, double[] up, double[] down, double[] lambdaUp, double[] lambdaDown,
      double lambdaRho0, double lambdaRho1, long canaryEvents, long primaryEvents) {
    this.rho0 = rho0;
    this.rho1 = rho1;
    this.up = up;
    this.down = down;
    this.lambdaUp = lambdaUp;
    this.lambdaDown = lambdaDown;
    this.lambdaRho0 = lambdaRho0;
    this.lambdaRho1 = lambdaRho1;
    this.canaryEvents = canaryEvents;
    this.primaryEvents = primaryEvents;
  }

  /**
   * A fresh test with the default grids: {@code gridPoints} log-spaced alternatives from 1.25ρ0 to 20ρ0 for
   * rollback and from ρ1/20 to ρ1/1.25 for non-inferiority, equally weighted.
   *
   * @param rho0 the rollback margin (1.2 means "more than 20% worse")
   * @param rho1 the promotion margin (1.5 means "at most 50% worse")
   */
  public static RatioTest start(double rho0, double rho1, int gridPoints) {
    return withGrids(rho0, rho1, LogSpace.grid(1.25 * rho0, 20 * rho0, gridPoints),
        LogSpace.grid(rho1 / 20, rho1 / 1.25, gridPoints));
  }

  /** A fresh test with explicit alternatives (for worked examples and tests). */
  public static RatioTest withGrids(double rho0, double rho1, double[] up, double[] down) {
    if (!(rho0 > 0) || !(rho1 > 0) || up.length == 0 || down.length == 0) {
      throw new IllegalArgumentException("margins must be > 0 and grids non-empty, but were " + rho0 + ", " + rho1);
    }
    return new RatioTest(rho0, rho1, up.clone(), down.clone(), new double[up.length], new double[down.length], 0, 0,
        0, 0);
  }

  /**
   * This test after one more interval. An interval without events ({@code F = 0}) or without requests on one
   * side changes nothing.
   *
   * @param canaryRequests n_c, the canary's requests in the interval
   * @param primaryRequests n_p
   * @param canaryEvents x_c, the canary's events (failures, slow requests), at most n_c
   * @param primaryEvents x_p, at most n_p
   */
  public RatioTest update(double canaryRequests, double primaryRequests, long canaryEvents, long primaryEvents) {
    long total = canaryEvents + primaryEvents;
    if (total == 0 || canaryRequests <= 0 || primaryRequests <= 0) {
      return this;
    }
    double[] nu = lambdaUp.clone();
    double[] nd = lambdaDown.clone();
    for (int k = 0; k < up.length; k++) {
      nu[k] += term(up[k], canaryRequests, primaryRequests, canaryEvents, total);
    }
    for (int k = 0; k < down.length; k++) {
      nd[k] += term(down[k], canaryRequests, primaryRequests, canaryEvents, total);
    }
    return new RatioTest(rho0, rho1, up, down, nu, nd,
        lambdaRho0 + term(rho0, canaryRequests, primaryRequests, canaryEvents, total),
        lambdaRho1 + term(rho1, canaryRequests, primaryRequests, canaryEvents, total),
        this.canaryEvents + canaryEvents, this.primaryEvents + primaryEvents);
  }

  private static double term(double r, double nc, double np, long xc, long total) {
    return xc * Math.log(r) - total * Math.log(r * nc + np);
  }

  /** log of the rollback e-value (evidence that ρ &gt; ρ0). */
  public double rollbackLogE() {
    return LogSpace.logMeanExp(shifted(lambdaUp, lambdaRho0));
  }

  /** log of the non-inferiority e-value (evidence that ρ &lt; ρ1). */
  public double nonInferiorityLogE() {
    return LogSpace.logMeanExp(shifted(lambdaDown, lambdaRho1));
  }

  private static double[] shifted(double[] lambda, double base) {
    double[] out = new double[lambda.length];
    for (int k = 0; k < lambda.length; k++) {
      out[k] = lambda[k] - base;
    }
    return out;
  }

  /** Appends the evolving part of the state (the grids come from the policy). */
  void writeTo(java.util.List<Double> out) {
    for (double v : lambdaUp) {
      out.add(v);
    }
    for (double v : lambdaDown) {
      out.add(v);
    }
    out.add(lambdaRho0);
    out.add(lambdaRho1);
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
    return new RatioTest(rho0, rho1, up, down, nu, nd, in.next(), in.next(), in.next().longValue(),
        in.next().longValue());
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
    return o instanceof RatioTest t && t.rho0 == rho0 && t.rho1 == rho1 && Arrays.equals(t.up, up)
        && Arrays.equals(t.down, down) && Arrays.equals(t.lambdaUp, lambdaUp) && Arrays.equals(t.lambdaDown, lambdaDown)
        && t.lambdaRho0 == lambdaRho0 && t.lambdaRho1 == lambdaRho1 && t.canaryEvents == canaryEvents
        && t.primaryEvents == primaryEvents;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(lambdaUp) * 31 + Arrays.hashCode(lambdaDown) + Long.hashCode(canaryEvents);
  }

  @Override
  public String toString() {
    return "RatioTest[rho0=" + rho0 + ", rho1=" + rho1 + ", logE=" + rollbackLogE() + "/" + nonInferiorityLogE()
        + ", events=" + canaryEvents + "/" + primaryEvents + ", grid=" + Arrays.toString(up) + "]";
  }
}
