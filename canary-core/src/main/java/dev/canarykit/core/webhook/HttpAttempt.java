package dev.canarykit.core.webhook;

import dev.canarykit.core.internal.GoDuration;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** One POST of a webhook body, bounded in time as a whole: connect, headers and body excerpt. */
final class HttpAttempt {
  private final HttpClient client;
  private final URI uri;
  private final String body;
  private final Duration timeout;
  private final int excerptChars;

  HttpAttempt(HttpClient client, URI uri, String body, Duration timeout, int excerptChars) {
    this.client = client;
    this.uri = uri;
    this.body = body;
    this.timeout = timeout;
    this.excerptChars = excerptChars;
  }

  /** Sends the request once. */
  AttemptResult send() {
    CompletableFuture<HttpResponse<String>> f;
    try {
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
      f = client.sendAsync(request, info -> new BoundedBody(excerptChars));
    } catch (IllegalArgumentException e) {
      return new AttemptResult.Broken(text(e), false);
    }
    try {
      HttpResponse<String> r = f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      return new AttemptResult.Answered(r.statusCode(), r.body().strip(), retryAfter(r));
    } catch (TimeoutException e) {
      f.cancel(true);
      return timedOut();
    } catch (ExecutionException e) {
      return broken(e.getCause());
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      return new AttemptResult.Broken("interrupted", false);
    }
  }

  private AttemptResult timedOut() {
    return new AttemptResult.Broken("timed out after " + GoDuration.format(timeout), true);
  }

  private AttemptResult broken(Throwable cause) {
    if (cause instanceof HttpTimeoutException) {
      return timedOut();
    }
    Throwable tls = find(cause, SSLException.class);
    if (tls != null) {
      return new AttemptResult.Broken("TLS failed: " + text(root(tls)), false);
    }
    return new AttemptResult.Broken(text(cause), cause instanceof IOException || cause instanceof RuntimeException);
  }

  /** {@code Retry-After} in seconds, or {@code null} when absent or not a number of seconds (an HTTP date). */
  private static Duration retryAfter(HttpResponse<?> r) {
    return r.headers().firstValue("Retry-After").map(String::strip).filter(v -> v.matches("\\d{1,9}"))
        .map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(null);
  }

  private static Throwable find(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return c;
      }
    }
    return null;
  }

  private static Throwable root(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c;
  }

  private static String text(Throwable t) {
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + m;
  }
}
