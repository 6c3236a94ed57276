package dev.canarykit.core.judge;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Everything the judge remembers between intervals (a few hundred doubles): one e-process per test and the totals
 * for provenance. Immutable; {@link #update} returns the state after one more interval.
 *
 * <p>The failure tests are kept once per cluster-mean cell ({@link DispersionTests#cells}). For a true cluster mean
 * in cell j, the mean of the rollback tests valid there (the failure tests tempered for the cell's upper end, the
 * evidence that failures are less clustered than its lower end, and the tests clusters do not affect) is an
 * e-process. The combined rollback e-value is the smallest of these means over the cells, so it is at most the
 * true cell's and crosses 1/alpha with probability at most alpha whatever the cluster mean up to the policy's bound
 * ({@code docs/judge-statistics.md} §9).
 */
public final class JudgeState {
  private final JudgeConfig config;
  private final RelativeTests relative;
  private final BudgetTests budgets;
  private final int intervals;
  private final double maxRollbackLogE;
  private final VersionTotals totals;
  private final DispersionTests dispersion;
  /** The binding cell's rollback tests, computed once (the state is immutable). */
  private List<TestResult> binding;

  private JudgeState(JudgeConfig config, RelativeTests relative, BudgetTests budgets, int intervals,
      double maxRollbackLogE, VersionTotals totals, DispersionTests dispersion) {
    this.config = config;
    this.relative = relative;
    this.budgets = budgets;
    this.intervals = intervals;
    this.maxRollbackLogE = maxRollbackLogE;
    this.totals = totals;
    this.dispersion = dispersion;
  }

  /** The state before the first interval. */
  public static JudgeState start(JudgeConfig c) {
    return new JudgeState(c, c.hasRelativeTests() ? RelativeTests.start(c) : null, BudgetTests.start(c), 0, 0,
        VersionTotals.ZERO, DispersionTests.start(c.failureClusterMean()));
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
    DispersionTests d = dispersion.update(
        new long[] {s.primary().requestCount(), s.canary().requestCount()},
        new long[] {s.primary().failureCount(), s.canary().failureCount()},
        new long[] {totals.primaryRequests(), totals.canaryRequests()},
        new long[] {totals.primaryFailures(), totals.canaryFailures()});
    JudgeState next = new JudgeState(config, relative == null ? null : relative.update(s.strata(), warmingUp),
        budgets.update(s.canary(), warmingUp), intervals + 1, maxRollbackLogE, totals.plus(s), d);
    return next.withMax(Math.max(maxRollbackLogE, next.rollbackLogE()));
  }

  private JudgeState withMax(double max) {
    return new JudgeState(config, relative, budgets, intervals, max, totals, dispersion);
  }

  /** The rollback tests of the cell whose combined e-value is smallest, in a fixed order, with their names. */
  List<TestResult> rollbackTests() {
    List<TestResult> b = binding;
    if (b == null) {
      b = List.copyOf(rollbackTests(bindingCell()));
      binding = b;
    }
    return b;
  }

  /**
   * The rollback tests valid when the failure cluster mean lies in cell {@code cell}: with the failure tests
   * tempered for its upper end and, above the first cell, the evidence that failures are less clustered than its
   * lower end ({@code clusters<b}).
   */
  private List<TestResult> rollbackTests(int cell) {
    List<TestResult> out = new ArrayList<>();
    if (relative != null) {
      relative.addRollbackTests(out, cell);
    }
    budgets.addRollbackTests(out, cell);
    if (cell > 0) {
      out.add(new TestResult("clusters<" + GoNumber.of(dispersion.lowerEnd(cell)), dispersion.logE(cell),
          Double.NEGATIVE_INFINITY, totals.canaryFailures(), totals.primaryFailures()));
    }
    return out;
  }

  /** The cell whose combined rollback e-value is smallest (the first of equals). */
  private int bindingCell() {
    int cells = DispersionTests.cells(config.failureClusterMean()).length;
    int binding = 0;
    double min = Double.POSITIVE_INFINITY;
    for (int cell = 0; cell < cells; cell++) {
      double v = combined(rollbackTests(cell));
      if (v < min) {
        min = v;
        binding = cell;
      }
    }
    return binding;
  }

  private static double combined(List<TestResult> tests) {
    return LogSpace.logMeanExp(tests.stream().mapToDouble(TestResult::rollbackLogE).toArray());
  }

  /**
   * log of the combined rollback e-value: over the cluster-mean cells, the smallest equally weighted mean of the
   * rollback tests valid in that cell (−∞ without tests).
   */
  public double rollbackLogE() {
    return combined(rollbackTests());
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
        && s.totals.equals(totals) && s.dispersion.equals(dispersion);
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
    dispersion.writeTo(out);
  }

  /** This fresh state with the evolving state read back, in {@link #writeTo} order. */
  JudgeState readFrom(Iterator<Double> in) {
    int n = in.next().intValue();
    double max = in.next();
    VersionTotals t = new VersionTotals(in.next().longValue(), in.next().longValue(), in.next().longValue(),
        in.next().longValue());
    RelativeTests r = relative == null ? null : relative.readFrom(in);
    BudgetTests b = budgets.readFrom(in);
    return new JudgeState(config, r, b, n, max, t, dispersion.readFrom(in));
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
