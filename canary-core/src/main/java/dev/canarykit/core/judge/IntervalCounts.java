package dev.canarykit.core.judge;

/**
 * What the primary and the canary served in the same interval (one analysis interval, windows tiling time).
 *
 * @param primary the primary's counts
 * @param canary the canary's counts
 */
public record IntervalCounts(VersionCounts primary, VersionCounts canary) {
  /**
   * Whether the interval holds no evidence: the canary served no request, whatever the primary served. A canary
   * that is not reached (a broken route, a crashed pod, a series that vanished) is as unknown as one without
   * traffic, so it is no data, a failed check as in Flagger, never a quiet pass.
   */
  public boolean isEmpty() {
    return canary.requestCount() == 0;
  }
}
