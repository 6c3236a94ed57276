package dev.canarykit.core.judge;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Everything the judge remembers between intervals (about a hundred and fifty doubles): one e-process per test and
 * the totals for provenance. Immutable; {@link #update} returns the state after one more interval.
 */
public final class JudgeState {
  private final JudgeConfig config;
  private final RelativeTests relative;
  private final BudgetTests budgets;
  private final int intervals;
  private final double maxRollbackLogE;
  private final VersionTotals totals;

  private JudgeState(JudgeConfig config, RelativeTests relative, BudgetTests budgets, int intervals,
      double maxRollbackLogE, VersionTotals totals) {
    this.config = config;
    this.relative = relative;
    this.budgets = budgets;
    this.intervals = intervals;
    this.maxRollbackLogE = maxRollbackLogE;
    this.totals = totals;
  }

  /** The state before the first interval. */
  public static JudgeState start(JudgeConfig c) {
    return new JudgeState(c, c.hasRelativeTests() ? RelativeTests.start(c) : null, BudgetTests.start(c), 0, 0,
        VersionTotals.ZERO);
  }

  /**
   * The state after {@code counts}, as {@link CountSelection} selects them; an interval in which the selected
   * canary traffic is empty changes nothing. The first {@code warmupIntervals} intervals with data give no latency
   * evidence.
   */
  public JudgeState update(IntervalCounts counts) {
    CountSelection s = CountSelection.of(config, counts);
    if (s.isEmpty()) {
      return this;
    }
    boolean warmingUp = intervals < config.warmupIntervals();
    JudgeState next = new JudgeState(config, relative == null ? null : relative.update(s.strata(), warmingUp),
        budgets.update(s.canary(), warmingUp), intervals + 1, maxRollbackLogE, totals.plus(s));
    return next.withMax(Math.max(maxRollbackLogE, next.rollbackLogE()));
  }

  private JudgeState withMax(double max) {
    return new JudgeState(config, relative, budgets, intervals, max, totals);
  }

  /** The rollback tests, in a fixed order, with their names. */
  List<TestResult> rollbackTests() {
    List<TestResult> out = new ArrayList<>();
    if (relative != null) {
      relative.addRollbackTests(out);
    }
    budgets.addRollbackTests(out);
    return out;
  }

  /** log of the combined rollback e-value: the equally weighted mean of every rollback test (−∞ without tests). */
  public double rollbackLogE() {
    return LogSpace.logMeanExp(rollbackTests().stream().mapToDouble(TestResult::rollbackLogE).toArray());
  }

  /** Whether the errors are shown non-inferior, on the ratio or against the budget (each at alpha_pr / 2). */
  boolean errorsNonInferior(double logThreshold) {
    return relative != null && relative.errorsNonInferiorityLogE() >= logThreshold
        || budgets.errorsNonInferiorityLogE() >= logThreshold;
  }

  /** Whether latency is shown non-inferior at the threshold (true when no latency threshold is set). */
  boolean latencyNonInferior(double logThreshold) {
    return config.latencyThresholdMs() <= 0
        || relative != null && relative.latencyNonInferiorityLogE() >= logThreshold
        || budgets.latencyNonInferiorityLogE() >= logThreshold;
  }

  /** NI log e-values for provenance. */
  List<TestResult> nonInferiorityTests() {
    List<TestResult> out = new ArrayList<>();
    if (relative != null) {
      relative.addNonInferiorityTests(out);
    }
    budgets.addNonInferiorityTests(out);
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JudgeState s && s.config.equals(config) && Objects.equals(s.relative, relative)
        && s.budgets.equals(budgets) && s.intervals == intervals && s.maxRollbackLogE == maxRollbackLogE
        && s.totals.equals(totals);
  }

  @Override
  public int hashCode() {
    return Objects.hash(relative, intervals);
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
    if (relative != null) {
      relative.writeTo(out);
    }
    budgets.writeTo(out);
  }

  /** This fresh state with the evolving state read back, in {@link #writeTo} order. */
  JudgeState readFrom(Iterator<Double> in) {
    int n = in.next().intValue();
    double max = in.next();
    VersionTotals t = new VersionTotals(in.next().longValue(), in.next().longValue(), in.next().longValue(),
        in.next().longValue());
    RelativeTests r = relative == null ? null : relative.readFrom(in);
    return new JudgeState(config, r, budgets.readFrom(in), n, max, t);
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

  /** Request and failure totals per version, over the traffic the tests judged. */
  public VersionTotals totals() {
    return totals;
  }
}
