package dev.canarykit.prometheus;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.util.Objects;

/**
 * Retry and circuit-breaker settings of the Prometheus client.
 *
 * <p>Defaults ({@link #ofDefaults()}): up to {@value #DEFAULT_MAX_ATTEMPTS} attempts per query, retried on connection
 * errors and on HTTP 429, 502, 503 and 504, with exponential backoff from 200 ms doubling each time
 * ({@link #DEFAULT_BACKOFF}); one circuit breaker per Prometheus address that opens when at least half of the
 * last 10 queries failed (after at least 5 queries), stays open 30 s and then lets 2 trial queries through
 * ({@link #DEFAULT_BREAKER}). A query fails for the breaker when it ends in a connection error or an HTTP status
 * of 429 or 5xx after its retries.
 *
 * @param maxAttempts attempts per query, at least 1 (1 disables retries)
 * @param backoff the wait before retry {@code n} (1-based); tests inject a short one
 * @param breaker the circuit breaker configuration used for every address
 */
public record ResilienceSettings(int maxAttempts, IntervalFunction backoff, CircuitBreakerConfig breaker) {

  /** Default attempts per query. */
  public static final int DEFAULT_MAX_ATTEMPTS = 3;
  /** Default backoff: 200 ms, 400 ms, ... */
  public static final IntervalFunction DEFAULT_BACKOFF =
      IntervalFunction.ofExponentialBackoff(Duration.ofMillis(200), 2.0);
  /** Default circuit breaker. */
  public static final CircuitBreakerConfig DEFAULT_BREAKER = CircuitBreakerConfig.custom()
      .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED).slidingWindowSize(10)
      .minimumNumberOfCalls(5).failureRateThreshold(50).waitDurationInOpenState(Duration.ofSeconds(30))
      .permittedNumberOfCallsInHalfOpenState(2).build();

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException if {@code maxAttempts < 1}
   * @throws NullPointerException if {@code backoff} or {@code breaker} is null
   */
  public ResilienceSettings {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts < 1: " + maxAttempts);
    }
    Objects.requireNonNull(backoff, "backoff == null");
    Objects.requireNonNull(breaker, "breaker == null");
  }

  /** The defaults described above. */
  public static ResilienceSettings ofDefaults() {
    return new ResilienceSettings(DEFAULT_MAX_ATTEMPTS, DEFAULT_BACKOFF, DEFAULT_BREAKER);
  }

  /** A copy with another number of attempts. */
  public ResilienceSettings withMaxAttempts(int attempts) {
    return new ResilienceSettings(attempts, backoff, breaker);
  }

  /** A copy with another backoff. */
  public ResilienceSettings withBackoff(IntervalFunction newBackoff) {
    return new ResilienceSettings(maxAttempts, newBackoff, breaker);
  }

  /** A copy with another circuit breaker configuration. */
  public ResilienceSettings withBreaker(CircuitBreakerConfig newBreaker) {
    return new ResilienceSettings(maxAttempts, backoff, newBreaker);
  }
}
