package dev.canarykit.core.judge;

/**
 * A one-sample e-process on the canary's own event rate p against an absolute budget p0 (Flagger's thresholds read
 * as SLOs: a success rate of at least 99% is a failure budget of 1%; a P99 of at most 500 ms is a budget of 1%
 * of requests slower than 500 ms). For each alternative p_k the factor is z^X·exp(−N·c) over X events in N
 * requests, z = (p_k/p0)^η: with η = 1 and c = p_k − p0 (independent events) the Poisson likelihood ratio, which
 * is a test supermartingale while p ≤ p0 (rollback, p_k &gt; p0) or p ≥ p0 (non-inferiority, p_k &lt; p0) however
 * the rate drifts. With a failure cluster mean M &gt; 1, η and c come from {@link Clusters} and keep it one when
 * events come in clusters. Only the totals are kept. Immutable.
 */
final class RateTest {
  private final double p0;
  private final double[] up;
  private final double[] down;
  private final double[] etaUp;
  private final double[] etaDown;
  private final double[] costUp;
  private final double[] costDown;
  private final double events;
  private final double requests;

  private RateTest(RateTest t, double events, double requests) {
    this.p0 = t.p0;
    this.up = t.up;
    this.down = t.down;
    this.etaUp = t.etaUp;
    this.etaDown = t.etaDown;
    this.costUp = t.costUp;
    this.costDown = t.costDown;
    this.events = events;
    this.requests = requests;
  }

  private RateTest(double p0, double[] up, double[] down, double clusterMean) {
    this.p0 = p0;
    this.up = up;
    this.down = down;
    this.etaUp = new double[up.length];
    this.costUp = new double[up.length];
    this.etaDown = new double[down.length];
    this.costDown = new double[down.length];
    for (int k = 0; k < up.length; k++) {
      etaUp[k] = Clusters.rateExponent(p0, up[k], clusterMean);
      costUp[k] = Clusters.rateCost(p0, up[k], etaUp[k], clusterMean);
    }
    for (int k = 0; k < down.length; k++) {
      etaDown[k] = Clusters.rateExponent(p0, down[k], clusterMean);
      costDown[k] = Clusters.rateCost(p0, down[k], etaDown[k], clusterMean);
    }
    this.events = 0;
    this.requests = 0;
  }

  /**
   * A fresh test of independent events against the budget {@code p0} with {@code gridPoints} alternatives from
   * 1.25·p0 to min(20·p0, 0.99) (rollback) and from p0/20 to p0/1.25 (the canary meets the budget).
   */
  public static RateTest start(double p0, int gridPoints) {
    return start(p0, gridPoints, 1);
  }

  /** A fresh test that stays valid when events come in clusters of mean up to {@code clusterMean}. */
  public static RateTest start(double p0, int gridPoints, double clusterMean) {
    if (!(p0 > 0 && p0 < 1)) {
      throw new IllegalArgumentException("budget must be in (0, 1), but was " + p0);
    }
    return new RateTest(p0, rollbackGrid(p0, gridPoints), LogSpace.grid(p0 / 20, p0 / 1.25, gridPoints),
        clusterMean);
  }

  /** The rollback alternatives: from 1.25·p0 to min(20·p0, 0.99). */
  static double[] rollbackGrid(double p0, int gridPoints) {
    double hi = Math.min(20 * p0, 0.99);
    return LogSpace.grid(Math.min(1.25 * p0, hi), hi, gridPoints);
  }

  /** This test after an interval with {@code requests} canary requests of which {@code events} were events. */
  public RateTest update(double requests, double events) {
    if (requests <= 0) {
      return this;
    }
    return new RateTest(this, this.events + Math.min(events, requests), this.requests + requests);
  }

  /** log of the e-value that p &gt; p0 (the canary breaks its budget). */
  public double rollbackLogE() {
    return mixture(up, etaUp, costUp);
  }

  /** log of the e-value that p &lt; p0 (the canary meets its budget). */
  public double nonInferiorityLogE() {
    return mixture(down, etaDown, costDown);
  }

  private double mixture(double[] grid, double[] eta, double[] cost) {
    double[] logs = new double[grid.length];
    for (int k = 0; k < grid.length; k++) {
      logs[k] = eta[k] * events * Math.log(grid[k] / p0) - requests * cost[k];
    }
    return LogSpace.logMeanExp(logs);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RateTest t && t.p0 == p0 && java.util.Arrays.equals(t.up, up)
        && java.util.Arrays.equals(t.etaUp, etaUp) && t.events == events && t.requests == requests;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(p0) * 31 + Double.hashCode(events) * 17 + Double.hashCode(requests);
  }

  @Override
  public String toString() {
    return "RateTest[p0=" + p0 + ", events=" + events + ", requests=" + requests + "]";
  }

  void writeTo(java.util.List<Double> out) {
    out.add(events);
    out.add(requests);
  }

  RateTest readFrom(java.util.Iterator<Double> in) {
    return new RateTest(this, in.next(), in.next());
  }

  /** The budget. */
  public double budget() {
    return p0;
  }

  /** Events so far. */
  public double events() {
    return events;
  }

  /** Requests so far. */
  public double requests() {
    return requests;
  }
}
