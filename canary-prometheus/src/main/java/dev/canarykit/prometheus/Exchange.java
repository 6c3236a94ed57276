package dev.canarykit.prometheus;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Set;
import java.util.function.Function;

/**
 * Sends one request with retries inside a per-address circuit breaker, and turns every failure into a value
 * built by the caller's {@code onError}; nothing escapes.
 */
final class Exchange {
  /** Statuses retried (with connection errors). */
  static final Set<Integer> RETRYABLE = Set.of(429, 502, 503, 504);

  private final HttpClients clients;
  private final RetryConfig retry;
  private final CircuitBreakerRegistry breakers;

  Exchange(HttpClients clients, ResilienceSettings settings) {
    this.clients = clients;
    this.retry = RetryConfig.<Answer<?>>custom().maxAttempts(settings.maxAttempts())
        .intervalFunction(settings.backoff()).retryOnResult(a -> RETRYABLE.contains(a.status()))
        .retryOnException(Exchange::isConnectionError).failAfterMaxAttempts(false).build();
    this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.from(settings.breaker())
        .recordException(t -> t instanceof IOException)
        .recordResult(r -> r instanceof Answer<?> a && (a.status() == 429 || a.status() >= 500)).build());
  }

  /** A response status and what the handler made of its body. */
  record Answer<T>(int status, T value) {}

  /** Reads a response body; failures to read are values, only transport errors throw. */
  interface Handler<T> {
    T handle(int status, InputStream body) throws IOException;
  }

  <T> T send(Endpoint endpoint, HttpRequest request, Handler<T> handler, Function<String, T> onError) {
    CheckedSupplier<Answer<T>> attempt = () -> {
      HttpResponse<InputStream> r = clients.forEndpoint(endpoint).send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = r.body()) {
        return new Answer<>(r.statusCode(), handler.handle(r.statusCode(), in));
      }
    };
    CircuitBreaker breaker = breakers.circuitBreaker(endpoint.breakerKey());
    try {
      return CircuitBreaker.decorateCheckedSupplier(breaker, Retry.decorateCheckedSupplier(
          Retry.of(endpoint.breakerKey(), retry), attempt)).get().value();
    } catch (Throwable t) {
      if (t instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return onError.apply(endpoint.redact(describe(endpoint, t)));
    }
  }

  /** The breaker of {@code endpoint}'s address. */
  CircuitBreaker breaker(Endpoint endpoint) {
    return breakers.circuitBreaker(endpoint.breakerKey());
  }

  static boolean isConnectionError(Throwable t) {
    return t instanceof IOException && (!(t instanceof HttpTimeoutException) || t instanceof HttpConnectTimeoutException);
  }

  private static String describe(Endpoint e, Throwable t) {
    String at = ApiUrls.base(e.address());
    if (t instanceof CallNotPermittedException) {
      return "circuit breaker for " + at + " is open: queries are suspended after repeated failures";
    }
    if (t instanceof HttpConnectTimeoutException) {
      return "request failed: connecting to " + at + " timed out";
    }
    if (t instanceof HttpTimeoutException) {
      return "request failed: no answer from " + at + " within the query timeout";
    }
    if (t instanceof ConnectException) {
      return "request failed: cannot connect to " + at + " (connection refused)";
    }
    if (t instanceof InterruptedException) {
      return "request to " + at + " interrupted";
    }
    if (t instanceof IllegalArgumentException) {
      return "invalid request to " + at + ": " + t.getMessage();
    }
    String m = t.getMessage() == null ? "" : ": " + t.getMessage();
    return "request failed: " + at + ": " + t.getClass().getSimpleName() + m;
  }
}
