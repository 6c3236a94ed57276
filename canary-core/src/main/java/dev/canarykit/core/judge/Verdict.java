package dev.canarykit.core.judge;

/** What the judge concludes after an interval. */
public enum Verdict {
  /** The canary is worse than the primary (or than its budget) beyond the margin: roll back now. */
  REGRESSION,
  /** Every metric is within its promotion margin: the canary may advance and be promoted. */
  NON_INFERIOR,
  /** Not enough evidence either way yet. */
  INCONCLUSIVE,
  /** Neither version served a request in the interval: no evidence. */
  NO_DATA,
  /** The counts could not be read. */
  ERROR
}
