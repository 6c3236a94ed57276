package dev.canarykit.core.judge;

/**
 * Totals over the judged intervals.
 *
 * @param primaryRequests requests the primary served
 * @param primaryFailures its failures
 * @param canaryRequests requests the canary served
 * @param canaryFailures its failures
 */
public record VersionTotals(long primaryRequests, long primaryFailures, long canaryRequests, long canaryFailures) {
  /** Nothing yet. */
  public static final VersionTotals ZERO = new VersionTotals(0, 0, 0, 0);

  VersionTotals plus(CountSelection c) {
    return new VersionTotals(primaryRequests + c.primary().requestCount(),
        primaryFailures + c.primary().failureCount(), canaryRequests + c.canary().requestCount(),
        canaryFailures + c.canary().failureCount());
  }
}
