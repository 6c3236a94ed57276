package dev.canarykit.core.judge;

/**
 * A one-sample e-process on the canary's own event rate p against an absolute budget p0 (Flagger's thresholds read
 * as SLOs: a success rate of at least 99% is a failure budget of 1%; a P99 of at most 500 ms is a budget of 1%
 * of requests slower than 500 ms). Requests are Bernoulli trials whose rate may drift; each likelihood ratio
 * against p0 is a test supermartingale while p ≤ p0 (rollback) or p ≥ p0 (non-inferiority), so only the totals
 * (X events in N requests) are kept. Immutable.
 */
final class RateTest {
  private final double p0;
  private final double[] up;
  private final double[] down;
  private final double events;
  private final double requests;

  private RateTest(double p0, double[] up, double[] down, double events, double requests) {
    this.p0 = p0;
    this.up = up;
    this.down = down;
    this.events = events;
    this.requests = requests;
  }

  /**
   * A fresh test of the budget {@code p0} with {@code gridPoints} alternatives from 1.25·p0 to min(20·p0, 0.99)
   * (rollback) and from p0/20 to p0/1.25 (the canary meets the budget).
   */
  public static RateTest start(double p0, int gridPoints) {
    if (!(p0 > 0 && p0 < 1)) {
      throw new IllegalArgumentException("budget must be in (0, 1), but was " + p0);
    }
    double hi = Math.min(20 * p0, 0.99);
    return new RateTest(p0, LogSpace.grid(Math.min(1.25 * p0, hi), hi, gridPoints),
        LogSpace.grid(p0 / 20, p0 / 1.25, gridPoints), 0, 0);
  }

  /** This test after an interval with {@code requests} canary requests of which {@code events} were events. */
  public RateTest update(double requests, double events) {
    if (requests <= 0) {
      return this;
    }
    return new RateTest(p0, up, down, this.events + Math.min(events, requests), this.requests + requests);
  }

  /** log of the e-value that p &gt; p0 (the canary breaks its budget). */
  public double rollbackLogE() {
    return mixture(up);
  }

  /** log of the e-value that p &lt; p0 (the canary meets its budget). */
  public double nonInferiorityLogE() {
    return mixture(down);
  }

  private double mixture(double[] grid) {
    double[] logs = new double[grid.length];
    for (int k = 0; k < grid.length; k++) {
      double p = grid[k];
      logs[k] = events * Math.log(p / p0) + (requests - events) * Math.log((1 - p) / (1 - p0));
    }
    return LogSpace.logMeanExp(logs);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RateTest t && t.p0 == p0 && java.util.Arrays.equals(t.up, up)
        && java.util.Arrays.equals(t.down, down) && t.events == events && t.requests == requests;
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
    return new RateTest(p0, up, down, in.next(), in.next());
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
