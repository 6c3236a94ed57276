package dev.canarykit.core.judge;

/**
 * The anytime-valid canary-versus-primary judge (pure). Each interval it updates one e-process per test and
 * decides:
 * <ul>
 *   <li>{@link Verdict#REGRESSION} when the equally weighted mean of the rollback e-values reaches 1/alpha (and the
 *       strongest test has seen at least {@code minRollbackEvents} canary events). The tests compare the canary's
 *       failure rate and its rates of requests slower than each latency edge with the primary's (ratio above
 *       {@code rollbackRatio}), and the canary's own rates with its budgets (Flagger's thresholds). By Ville's
 *       inequality a canary within every margin is rolled back with probability at most alpha over the whole
 *       rollout, however often the judge looks and however the split moves.</li>
 *   <li>{@link Verdict#NON_INFERIOR} when, for errors and for latency at the threshold, a non-inferiority test
 *       (ratio below {@code promotionRatio}, or rate below the budget, each at alphaPromotion/2) reaches its bound,
 *       while the combined rollback e-value is below 1 (the evidence does not lean towards a regression).</li>
 *   <li>{@link Verdict#INCONCLUSIVE} otherwise; {@link Verdict#NO_DATA} for an interval in which the canary served
 *       no request the tests may judge ({@link CountSelection}), whatever the primary served.</li>
 * </ul>
 * An undecided rollout that reaches {@code horizonIntervals} takes {@code onHorizon} (default: promote, which is
 * what Flagger concludes from passing checks; such promotions are outside the non-inferiority guarantee).
 */
public final class Judge {
  private Judge() {}

  /** Judges one more interval. */
  public static Judgement judge(JudgeState state, IntervalCounts counts) {
    JudgeConfig c = state.config();
    if (CountSelection.of(c, counts).isEmpty()) {
      return judgement(Verdict.NO_DATA, state, false);
    }
    JudgeState next = state.update(counts);
    double bound = Math.log(1 / c.alpha());
    if (next.rollbackLogE() >= bound && gatePasses(next, c)) {
      return judgement(Verdict.REGRESSION, next, false);
    }
    double niBound = Math.log(2 / c.alphaPromotion());
    if (leansAway(next) && next.errorsNonInferior(niBound) && next.latencyNonInferior(niBound)) {
      return judgement(Verdict.NON_INFERIOR, next, false);
    }
    return judgement(Verdict.INCONCLUSIVE, next, next.intervals() >= c.horizonIntervals());
  }

  /**
   * Why {@code counts} are no data under {@code config}: the canary served nothing, or only traffic the tests may
   * not judge (synthetic sources), with what the primary served.
   */
  public static String noDataReason(JudgeConfig config, IntervalCounts counts) {
    CountSelection s = CountSelection.of(config, counts);
    long all = counts.canary().requestCount();
    long primary = s.primary().requestCount();
    if (all == 0) {
      return primary == 0 ? "no requests were counted" : "the canary served no requests (the primary served "
          + primary + ")";
    }
    return "the canary served only synthetic requests (" + all + " from " + config.syntheticSources()
        + "; the primary served " + primary + ")";
  }

  /** A verdict for an interval whose counts could not be read. */
  public static Judgement error(JudgeState state) {
    return judgement(Verdict.ERROR, state, false);
  }

  /**
   * The evidence does not lean towards a regression: the combined rollback e-value is below 1. Without this, a
   * canary several times worse than the primary but within Flagger's budget is promoted whenever the budget's
   * non-inferiority test concludes before the relative rollback test (half of 5x error regressions at 0.5% against
   * a 1% budget). A gate on promotion keeps both guarantees: it only removes promotions, and the rollback e-process
   * stays valid however long the rollout continues.
   */
  private static boolean leansAway(JudgeState s) {
    return s.rollbackLogE() < 0;
  }

  /** The strongest rollback test has seen enough canary events (a gate only removes rollbacks). */
  private static boolean gatePasses(JudgeState s, JudgeConfig c) {
    return s.rollbackTests().stream().max(java.util.Comparator.comparingDouble(TestResult::rollbackLogE))
        .map(t -> t.canaryEvents() >= c.minRollbackEvents()).orElse(false);
  }

  private static Judgement judgement(Verdict v, JudgeState s, boolean horizon) {
    JudgeConfig c = s.config();
    Action action = horizon ? c.onHorizon() : c.action(v);
    return new Judgement(v, action, s, s.rollbackTests(), s.nonInferiorityTests(), s.rollbackLogE(),
        Math.log(1 / c.alpha()), Math.log(2 / c.alphaPromotion()), Math.min(1, Math.exp(-s.maxRollbackLogE())),
        horizon, c.policyVersion());
  }
}
