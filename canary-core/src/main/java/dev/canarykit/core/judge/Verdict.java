package dev.canarykit.core.judge;

/** What the judge concludes after an interval. */
public enum Verdict {
  /** The canary is worse than the primary (or than its budget) beyond the margin: roll back now. */
  REGRESSION,
  /** Every metric is within its promotion margin: the canary may advance and be promoted. */
  NON_INFERIOR,
  /** Not enough evidence either way yet. */
  INCONCLUSIVE,
  /** The canary served no request in the interval (whatever the primary served): no evidence. */
  NO_DATA,
  /** The counts could not be read. */
  ERROR
}
