package dev.canarykit.prometheus;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Sends one query inside a per-address circuit breaker, with retries, all within one deadline, and turns every
 * failure into a value built by the caller's {@code onError}; nothing escapes.
 *
 * <p><b>Deadlines.</b> The whole call (every attempt with its headers and body, and the backoff between them)
 * ends by the call timeout; each attempt, headers and body together, also by the query timeout. A retry starts
 * only if its backoff ends before the deadline. Only failures before a response are retried (connection errors)
 * and the statuses {@link #RETRYABLE}; a response that breaks off or stalls mid-body is not: the server answered,
 * and asking again would spend the deadline on the same fault.
 */
final class Exchange {
  /** Statuses retried (with connection errors). */
  static final Set<Integer> RETRYABLE = Set.of(429, 502, 503, 504);

  private final HttpClients clients;
  private final ResilienceSettings settings;
  private final Duration queryTimeout;
  private final Duration callTimeout;
  private final CircuitBreakerRegistry breakers;
  private final UnexpectedFailures unexpected = new UnexpectedFailures();

  Exchange(HttpClients clients, ResilienceSettings settings, Duration queryTimeout, Duration callTimeout) {
    this.clients = clients;
    this.settings = settings;
    this.queryTimeout = queryTimeout;
    this.callTimeout = callTimeout;
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

  /** One attempt: an answer, or the failure and whether another attempt may help. */
  private record Attempt<T>(Answer<T> answer, IOException failure, boolean retryable) {
    static <T> Attempt<T> answered(Answer<T> answer) {
      return new Attempt<>(answer, null, RETRYABLE.contains(answer.status()));
    }

    static <T> Attempt<T> failed(IOException failure, boolean retryable) {
      return new Attempt<>(null, failure, retryable);
    }
  }

  <T> T send(Endpoint endpoint, HttpRequest request, Handler<T> handler, Function<String, T> onError) {
    CircuitBreaker breaker = breakers.circuitBreaker(endpoint.breakerKey());
    if (!breaker.tryAcquirePermission()) {
      return onError.apply("circuit breaker for " + ApiUrls.base(endpoint.address())
          + " is open: queries are suspended after repeated failures");
    }
    long start = breaker.getCurrentTimestamp();
    Attempt<T> last;
    try {
      last = attempts(clients.forEndpoint(endpoint), request, handler);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      breaker.releasePermission();
      return onError.apply("request to " + ApiUrls.base(endpoint.address()) + " interrupted");
    } catch (RuntimeException e) {
      breaker.releasePermission();
      return onError.apply(endpoint.redact(unexpected.record(endpoint, e)));
    }
    long took = breaker.getCurrentTimestamp() - start;
    if (last.failure() != null) {
      breaker.onError(took, breaker.getTimestampUnit(), last.failure());
      return onError.apply(endpoint.redact(describe(endpoint, last.failure())));
    }
    breaker.onResult(took, breaker.getTimestampUnit(), last.answer());
    return last.answer().value();
  }

  /** The breaker of {@code endpoint}'s address. */
  CircuitBreaker breaker(Endpoint endpoint) {
    return breakers.circuitBreaker(endpoint.breakerKey());
  }

  /** How many queries failed with an exception nothing here expected (a bug); each kind is logged once. */
  long unexpectedFailures() {
    return unexpected.count();
  }

  /** Counts and logs {@code e}, which {@code what} threw outside a request (a bug). */
  void unexpected(String what, RuntimeException e) {
    unexpected.record(what, e);
  }

  private <T> Attempt<T> attempts(HttpClient client, HttpRequest request, Handler<T> handler)
      throws InterruptedException {
    long deadline = System.nanoTime() + callTimeout.toNanos();
    for (int n = 1; ; n++) {
      long attemptEnd = Math.min(deadline, System.nanoTime() + queryTimeout.toNanos());
      Attempt<T> a = attempt(client, request, attemptEnd, handler);
      if (!a.retryable() || n >= settings.maxAttempts()) {
        return a;
      }
      long wait = TimeUnit.MILLISECONDS.toNanos(Math.max(0, settings.backoff().apply(n)));
      if (System.nanoTime() + wait >= deadline) {
        return a;
      }
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }

  private <T> Attempt<T> attempt(HttpClient client, HttpRequest request, long end, Handler<T> handler)
      throws InterruptedException {
    long left = end - System.nanoTime();
    if (left <= 0) {
      return Attempt.failed(new HttpTimeoutException("no time left"), false);
    }
    HttpRequest timed = HttpRequest.newBuilder(request, (name, value) -> true).timeout(Duration.ofNanos(left))
        .build();
    CompletableFuture<HttpResponse<InputStream>> f;
    try {
      f = client.sendAsync(timed, info -> new DeadlineBody(end));
    } catch (IllegalArgumentException e) {
      return Attempt.failed(new InvalidRequest(e), false);
    }
    HttpResponse<InputStream> response;
    try {
      response = f.get(left, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      return Attempt.failed(new HttpTimeoutException("no answer"), false);
    } catch (ExecutionException e) {
      return failedBeforeAnswer(e.getCause());
    } catch (InterruptedException e) {
      f.cancel(true);
      throw e;
    }
    try (InputStream in = response.body()) {
      return Attempt.answered(new Answer<>(response.statusCode(), handler.handle(response.statusCode(), in)));
    } catch (IOException e) {
      return Attempt.failed(e instanceof HttpTimeoutException ? e : new BrokenAnswer(e), false);
    }
  }

  private static <T> Attempt<T> failedBeforeAnswer(Throwable cause) {
    if (cause instanceof IOException io) {
      return Attempt.failed(io, isConnectionError(io));
    }
    if (cause instanceof RuntimeException r) {
      throw r;
    }
    return Attempt.failed(new IOException(cause), false);
  }

  static boolean isConnectionError(IOException e) {
    return !(e instanceof HttpTimeoutException) || e instanceof HttpConnectTimeoutException;
  }

  /** A response that broke off after its headers. */
  static final class BrokenAnswer extends IOException {
    private static final long serialVersionUID = 1L;

    BrokenAnswer(IOException cause) {
      super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
    }
  }

  /** A request the HTTP client refused to send. */
  static final class InvalidRequest extends IOException {
    private static final long serialVersionUID = 1L;

    InvalidRequest(IllegalArgumentException cause) {
      super(cause.getMessage(), cause);
    }
  }

  private static String describe(Endpoint e, IOException t) {
    String at = ApiUrls.base(e.address());
    if (t instanceof InvalidRequest) {
      return "invalid request to " + at + ": " + t.getMessage();
    }
    if (t instanceof HttpConnectTimeoutException) {
      return "request failed: connecting to " + at + " timed out";
    }
    if (t instanceof DeadlineBody.BodyTimeout) {
      return "request failed: the answer from " + at + " did not arrive in full within the query timeout";
    }
    if (t instanceof HttpTimeoutException) {
      return "request failed: no answer from " + at + " within the query timeout";
    }
    if (t instanceof BrokenAnswer) {
      return "request failed: the answer from " + at + " broke off: " + t.getMessage();
    }
    if (t instanceof ConnectException) {
      return "request failed: cannot connect to " + at + " (connection refused)";
    }
    String m = t.getMessage() == null ? "" : ": " + t.getMessage();
    return "request failed: " + at + ": " + t.getClass().getSimpleName() + m;
  }
}
