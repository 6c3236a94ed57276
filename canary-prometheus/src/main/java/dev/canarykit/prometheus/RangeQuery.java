package dev.canarykit.prometheus;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@code /api/v1/query_range} request.
 *
 * @param promql the query (whitespace is collapsed before sending)
 * @param start the first evaluation time
 * @param end the last evaluation time, not before {@code start}
 * @param step the resolution, positive
 */
record RangeQuery(String promql, Instant start, Instant end, Duration step) {

  /**
   * Checks the request.
   *
   * @throws IllegalArgumentException if {@code end} is before {@code start} or {@code step} is not positive
   */
  public RangeQuery {
    Objects.requireNonNull(promql, "promql == null");
    Objects.requireNonNull(start, "start == null");
    Objects.requireNonNull(end, "end == null");
    Objects.requireNonNull(step, "step == null");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("end " + end + " is before start " + start);
    }
    if (step.isZero() || step.isNegative()) {
      throw new IllegalArgumentException("step must be positive: " + step);
    }
  }
}
