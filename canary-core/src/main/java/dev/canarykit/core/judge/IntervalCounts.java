package dev.canarykit.core.judge;

/**
 * What the primary and the canary served in the same interval (one analysis interval, windows tiling time).
 *
 * @param primary the primary's counts
 * @param canary the canary's counts
 */
public record IntervalCounts(VersionCounts primary, VersionCounts canary) {
  /** Whether neither version served a request. */
  public boolean isEmpty() {
    return primary.requestCount() == 0 && canary.requestCount() == 0;
  }
}
