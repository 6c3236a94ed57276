package dev.canarykit.core.judge;

/** What the analysis does with a verdict. */
public enum Action {
  /** Roll back now, without waiting for the failed-checks threshold. */
  ROLLBACK,
  /** Advance the weight, and promote at the maximum weight. */
  ADVANCE,
  /** Advance the weight below the maximum; at the maximum, hold (never promote on this verdict). */
  ADVANCE_BELOW_MAX,
  /** Keep the weight. */
  HOLD,
  /** Keep the weight and count a failed check (Flagger's treatment of missing data). */
  FAIL_CHECK,
  /** Promote (only as a horizon action). */
  PROMOTE
}
