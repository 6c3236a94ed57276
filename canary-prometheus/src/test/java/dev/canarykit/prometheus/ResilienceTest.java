package dev.canarykit.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Outcome.MetricError;
import dev.canarykit.core.analysis.Outcome.MetricResult;
import dev.canarykit.core.analysis.Outcome.MetricValue;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Retries, backoff and the per-address circuit breaker, on a scripted server (failing answers only). */
class ResilienceTest {
  private static final ResilienceSettings FAST = ResilienceSettings.ofDefaults().withBackoff(IntervalFunction.of(1));
  private final PrometheusClient client = PrometheusClient.builder().resilience(FAST).build();

  private MetricResult ask(FixedServer server) {
    return client.instant(Endpoint.of(server.address()), "vector(1)", null);
  }

  @Test
  void retriesOn429_502_503_504ThenAnswers() throws Exception {
    for (int status : new int[] {429, 502, 503, 504}) {
      try (FixedServer s = new FixedServer(FixedServer.Response.json(status, "busy"),
          FixedServer.Response.json(200, FixedServer.vector("7")))) {
        assertThat(ask(s)).isEqualTo(new MetricValue(7));
        assertThat(s.requests()).hasSize(2);
      }
    }
  }

  @Test
  void givesUpAfterMaxAttemptsWithTheLastError() throws Exception {
    try (FixedServer s = new FixedServer(FixedServer.Response.json(503, "overloaded"))) {
      assertThat(ask(s)).isEqualTo(new MetricError("error response: Status 503 Service Unavailable: overloaded",
          false));
      assertThat(s.requests()).hasSize(ResilienceSettings.DEFAULT_MAX_ATTEMPTS);
    }
  }

  @Test
  void otherErrorsAreNotRetried() throws Exception {
    try (FixedServer s = new FixedServer(FixedServer.Response.json(500, "boom"))) {
      assertThat(ask(s)).isInstanceOf(MetricError.class);
      assertThat(s.requests()).hasSize(1);
    }
  }

  @Test
  void connectionErrorsAreRetriedThenAnError() {
    MetricResult r = client.instant(Endpoint.of(URI.create("http://127.0.0.1:1")), "vector(1)", null);
    assertThat(r).isEqualTo(new MetricError(
        "request failed: cannot connect to http://127.0.0.1:1 (connection refused)", false));
  }

  @Test
  void aSlowAnswerTimesOut() throws Exception {
    var slow = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    slow.createContext("/", ex -> {
      try {
        Thread.sleep(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.close();
    });
    slow.start();
    try {
      PrometheusClient quick = PrometheusClient.builder().queryTimeout(Duration.ofMillis(200)).resilience(FAST).build();
      URI a = URI.create("http://127.0.0.1:" + slow.getAddress().getPort());
      assertThat(quick.instant(Endpoint.of(a), "vector(1)", null)).isEqualTo(new MetricError(
          "request failed: no answer from " + a + " within the query timeout", false));
    } finally {
      slow.stop(0);
    }
  }

  @Test
  void anOpenBreakerFailsTheCheckWithoutCallingPerAddress() throws Exception {
    CircuitBreakerConfig breaker = CircuitBreakerConfig.custom().slidingWindowSize(2).minimumNumberOfCalls(2)
        .waitDurationInOpenState(Duration.ofHours(1)).build();
    PrometheusClient c = PrometheusClient.builder()
        .resilience(FAST.withMaxAttempts(1).withBreaker(breaker)).build();
    try (FixedServer down = new FixedServer(FixedServer.Response.json(500, "down"));
        FixedServer up = new FixedServer(FixedServer.Response.json(200, FixedServer.vector("1")))) {
      Endpoint e = Endpoint.of(down.address());
      c.instant(e, "vector(1)", null);
      c.instant(e, "vector(1)", null);
      assertThat(c.breakerState(e)).isEqualTo(CircuitBreaker.State.OPEN);
      assertThat(c.instant(e, "vector(1)", null)).isEqualTo(new MetricError("circuit breaker for "
          + down.address() + " is open: queries are suspended after repeated failures", false));
      assertThat(down.requests()).hasSize(2);
      assertThat(c.instant(Endpoint.of(up.address()), "vector(1)", null)).isEqualTo(new MetricValue(1));
    }
  }

  @Test
  void anOpenBreakerFailsTheProbeToo() throws Exception {
    CircuitBreakerConfig open = CircuitBreakerConfig.custom().initialState(CircuitBreaker.State.OPEN)
        .waitDurationInOpenState(Duration.ofHours(1)).build();
    PrometheusClient c = PrometheusClient.builder().resilience(FAST.withBreaker(open)).build();
    try (FixedServer up = new FixedServer(FixedServer.Response.json(200, FixedServer.vector("1")))) {
      var source = PrometheusMetricSource.builder(up.address()).client(c).build();
      var outcome = source.probe(Canaries.podinfo(null, Canaries.SUCCESS_RATE));
      assertThat(outcome).isInstanceOf(dev.canarykit.core.analysis.Outcome.Failed.class);
      assertThat(up.requests()).isEmpty();
    }
  }
}
