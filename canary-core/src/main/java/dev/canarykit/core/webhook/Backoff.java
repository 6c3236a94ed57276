package dev.canarykit.core.webhook;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before a retry. The default matches go-retryablehttp's, which Flagger uses: exponential from
 * one second, doubling, at most 30 seconds, and a server's {@code Retry-After} (in seconds) instead when present.
 */
@FunctionalInterface
public interface Backoff {

  /** go-retryablehttp's defaults: 1 s doubling up to 30 s, honouring Retry-After up to 30 s. */
  Backoff DEFAULT = exponential(Duration.ofSeconds(1), Duration.ofSeconds(30));

  /**
   * The wait before retry number {@code retry}.
   *
   * @param retry 0 before the first retry, 1 before the second, ...
   * @param retryAfter the server's {@code Retry-After}, or {@code null} when it sent none (or failed to answer)
   */
  Duration delay(int retry, Duration retryAfter);

  /**
   * {@code min * 2^retry}, at most {@code max}; a {@code Retry-After} replaces it, also capped at {@code max} so a
   * server cannot stall a tick for longer than the caller allows.
   *
   * @throws IllegalArgumentException if {@code min} is negative or {@code max < min}
   */
  static Backoff exponential(Duration min, Duration max) {
    Objects.requireNonNull(min, "min == null");
    Objects.requireNonNull(max, "max == null");
    if (min.isNegative() || max.compareTo(min) < 0) {
      throw new IllegalArgumentException("backoff needs 0 <= min <= max, but was min " + min + ", max " + max);
    }
    return (retry, retryAfter) -> {
      if (retryAfter != null) {
        return retryAfter.compareTo(max) > 0 ? max : retryAfter;
      }
      Duration d = retry >= 30 ? max : min.multipliedBy(1L << retry);
      return d.compareTo(max) > 0 || d.isNegative() ? max : d;
    };
  }

  /** No wait at all (for tests). */
  static Backoff none() {
    return (retry, retryAfter) -> Duration.ZERO;
  }
}
