package dev.canarykit.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Outcome.MetricError;
import dev.canarykit.core.analysis.Outcome.MetricResult;
import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 13, finding 3: the query timeout covered only the headers, and a connection that broke mid-body was
 * retried, so headers followed by a stall held a query for 3 x the stall and a server that never finished its
 * body held it forever. Now every query ends within its call timeout, and a broken body is not retried.
 */
class DeadlineTest {
  private static final Duration QUERY = Duration.ofMillis(500);
  private static final Duration CALL = Duration.ofSeconds(1);
  /** Room for a loaded machine: the bound checked is the call timeout plus this. */
  private static final Duration SLACK = Duration.ofSeconds(4);
  private final PrometheusClient client = PrometheusClient.builder().queryTimeout(QUERY).callTimeout(CALL)
      .resilience(ResilienceSettings.ofDefaults().withBackoff(IntervalFunction.of(50))).build();

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void headersThenAStallEndWithinTheQueryTimeoutAndAreNotRetried() throws Exception {
    try (FaultyServer server = new FaultyServer(FaultyServer.Fault.STALL)) {
      long start = System.nanoTime();
      MetricResult r = client.instant(Endpoint.of(server.address()), "vector(1)", null);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(CALL.plus(SLACK));
      assertThat(r).isEqualTo(new MetricError("request failed: the answer from " + server.address()
          + " did not arrive in full within the query timeout", false));
      assertThat(server.requests()).isEqualTo(1);
    }
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aBodyThatDripsForeverEndsWithinTheQueryTimeout() throws Exception {
    try (FaultyServer server = new FaultyServer(FaultyServer.Fault.DRIP)) {
      long start = System.nanoTime();
      MetricResult r = client.instant(Endpoint.of(server.address()), "vector(1)", null);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(CALL.plus(SLACK));
      assertThat(((MetricError) r).message()).contains("did not arrive in full within the query timeout");
      assertThat(server.requests()).isEqualTo(1);
    }
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aWholeAnswerWhoseConnectionNeverClosesEndsWithinTheQueryTimeout() throws Exception {
    try (FaultyServer server = new FaultyServer(FaultyServer.Fault.NEVER_CLOSE)) {
      long start = System.nanoTime();
      MetricResult r = client.instant(Endpoint.of(server.address()), "vector(1)", null);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(CALL.plus(SLACK));
      assertThat(((MetricError) r).message()).contains("did not arrive in full within the query timeout");
      assertThat(server.requests()).isEqualTo(1);
    }
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aRangeQueryIsBoundedToo() throws Exception {
    try (FaultyServer server = new FaultyServer(FaultyServer.Fault.DRIP)) {
      long start = System.nanoTime();
      var now = java.time.Instant.parse("2024-01-01T00:00:00Z");
      RangeResult r = client.range(Endpoint.of(server.address()),
          new RangeQuery("vector(1)", now.minusSeconds(60), now, Duration.ofSeconds(15)));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(CALL.plus(SLACK));
      assertThat(r).isInstanceOf(RangeResult.Error.class);
    }
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aConnectionDroppedMidBodyIsNotRetried() throws Exception {
    try (FaultyServer server = new FaultyServer(FaultyServer.Fault.DROP)) {
      MetricResult r = client.instant(Endpoint.of(server.address()), "vector(1)", null);
      assertThat(((MetricError) r).message()).startsWith("request failed: the answer from " + server.address()
          + " broke off");
      assertThat(server.requests()).isEqualTo(1);
    }
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void retriesStopAtTheCallDeadline() throws Exception {
    try (FixedServer busy = new FixedServer(FixedServer.Response.json(503, "busy"))) {
      PrometheusClient patient = PrometheusClient.builder().queryTimeout(QUERY).callTimeout(CALL)
          .resilience(ResilienceSettings.ofDefaults().withMaxAttempts(10).withBackoff(IntervalFunction.of(400)))
          .build();
      long start = System.nanoTime();
      MetricResult r = patient.instant(Endpoint.of(busy.address()), "vector(1)", null);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(CALL.plus(SLACK));
      assertThat(r).isInstanceOf(MetricError.class);
      assertThat(busy.requests()).hasSizeLessThanOrEqualTo(3);
    }
  }

  @Test
  void anUnexpectedExceptionFailsTheQueryAndIsCounted() {
    PrometheusClient broken = PrometheusClient.builder().httpClient(new ThrowingHttpClient()).build();
    Endpoint e = Endpoint.of(java.net.URI.create("http://127.0.0.1:9"));
    for (int i = 0; i < 2; i++) {
      assertThat(broken.instant(e, "vector(1)", null)).isEqualTo(new MetricError(
          "request to http://127.0.0.1:9 failed unexpectedly: IllegalStateException: client bug", false));
    }
    assertThat(broken.unexpectedFailures()).isEqualTo(2);
  }

  /** A caller's HTTP client with a bug: every send throws. */
  private static final class ThrowingHttpClient extends java.net.http.HttpClient {
    @Override
    public java.util.Optional<java.net.CookieHandler> cookieHandler() {
      return java.util.Optional.empty();
    }

    @Override
    public java.util.Optional<Duration> connectTimeout() {
      return java.util.Optional.empty();
    }

    @Override
    public Redirect followRedirects() {
      return Redirect.NEVER;
    }

    @Override
    public java.util.Optional<java.net.ProxySelector> proxy() {
      return java.util.Optional.empty();
    }

    @Override
    public javax.net.ssl.SSLContext sslContext() {
      return null;
    }

    @Override
    public javax.net.ssl.SSLParameters sslParameters() {
      return null;
    }

    @Override
    public java.util.Optional<java.net.Authenticator> authenticator() {
      return java.util.Optional.empty();
    }

    @Override
    public Version version() {
      return Version.HTTP_1_1;
    }

    @Override
    public java.util.Optional<java.util.concurrent.Executor> executor() {
      return java.util.Optional.empty();
    }

    @Override
    public <T> java.net.http.HttpResponse<T> send(java.net.http.HttpRequest request,
        java.net.http.HttpResponse.BodyHandler<T> handler) {
      throw new IllegalStateException("client bug");
    }

    @Override
    public <T> java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<T>> sendAsync(
        java.net.http.HttpRequest request, java.net.http.HttpResponse.BodyHandler<T> handler) {
      throw new IllegalStateException("client bug");
    }

    @Override
    public <T> java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<T>> sendAsync(
        java.net.http.HttpRequest request, java.net.http.HttpResponse.BodyHandler<T> handler,
        java.net.http.HttpResponse.PushPromiseHandler<T> push) {
      throw new IllegalStateException("client bug");
    }
  }
}
