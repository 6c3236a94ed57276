package dev.canarykit.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.testing.ManualClock;
import io.github.resilience4j.core.IntervalFunction;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@link PrometheusMetricSource#counts} with a server answering fixed responses: the queries it sends, unsafe values
 * refused before any request, and malformed or failing answers turned into {@link Outcome.Failed}.
 */
class CountsFailureTest {
  private static final Duration MINUTE = Duration.ofSeconds(60);
  private static final String EMPTY = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}";
  private final PrometheusClient client = PrometheusClient.builder()
      .resilience(ResilienceSettings.ofDefaults().withBackoff(IntervalFunction.of(1))).build();

  private PrometheusMetricSource source(FixedServer s) {
    return PrometheusMetricSource.builder(s.address()).client(client)
        .clock(ManualClock.of(Instant.parse("2026-01-01T00:00:00.250Z"))).build();
  }

  private static String query(FixedServer.Request r) {
    return URLDecoder.decode(r.uri().getRawQuery(), StandardCharsets.UTF_8);
  }

  private static String failure(Outcome o) {
    assertThat(o).isInstanceOf(Outcome.Failed.class);
    return ((Outcome.Failed) o).message();
  }

  @Test
  void sendsThreeQueriesAtOneEvaluationTime() throws Exception {
    try (FixedServer s = new FixedServer(FixedServer.Response.json(200, EMPTY))) {
      assertThat(source(s).counts(Canaries.podinfo(null), MINUTE)).isInstanceOf(Outcome.Counts.class);
      String selector = "{reporter=\"destination\",destination_workload_namespace=\"test\","
          + "destination_workload=~\"podinfo|podinfo-primary\"";
      String by = "destination_workload, source_workload_namespace, source_workload";
      assertThat(s.requests()).extracting(CountsFailureTest::query).containsExactly(
          "query=sum by (" + by + ") (increase(istio_requests_total" + selector + "}[60s]))"
              + "&time=1767225600.250",
          "query=sum by (" + by + ") (increase(istio_requests_total" + selector
              + ",response_code=~\"5.*\"}[60s]))&time=1767225600.250",
          "query=sum by (" + by + ", le) (increase(istio_request_duration_milliseconds_bucket" + selector
              + "}[60s]))&time=1767225600.250");
    }
  }

  @Test
  void dotsInTheNameAreEscapedAndFractionalWindowsUseMilliseconds() throws Exception {
    try (FixedServer s = new FixedServer(FixedServer.Response.json(200, EMPTY))) {
      source(s).counts(Canaries.canary("my.app", "test", null), Duration.ofMillis(1500));
      assertThat(query(s.requests().get(0))).contains("destination_workload=~\"my\\\\.app|my\\\\.app-primary\"}[1500ms]");
    }
  }

  @Test
  void unsafeValuesAreRefusedBeforeAnyQuery() throws Exception {
    try (FixedServer s = new FixedServer(FixedServer.Response.json(200, EMPTY))) {
      PrometheusMetricSource source = source(s);
      assertThat(failure(source.counts(Canaries.canary("x\"}) or vector(1", "test", null), MINUTE)))
          .isEqualTo("cannot count requests per version: unsafe value for spec.targetRef.name: "
              + "\"x\\\"}) or vector(1\" is not a Kubernetes name");
      assertThat(failure(source.counts(Canaries.canary("podinfo", "te|st", null), MINUTE)))
          .startsWith("cannot count requests per version: unsafe value for metadata.namespace: ");
      assertThat(failure(source.counts(Canaries.canary("a".repeat(250), "test", null), MINUTE)))
          .contains("is too long to name its primary (258 > 253 characters)");
      assertThat(failure(source.counts(Canaries.podinfo(null), Duration.ZERO)))
          .isEqualTo("cannot count requests per version: counts window must be at least 1ms, but was PT0S");
      assertThat(s.requests()).isEmpty();
    }
  }

  @Test
  void anAddressWithCredentialsIsRefusedWithoutShowingThem() throws Exception {
    try (FixedServer s = new FixedServer(FixedServer.Response.json(200, EMPTY))) {
      String address = "http://admin:s3cret-pass@" + s.address().getAuthority();
      String message = failure(source(s).counts(Canaries.podinfo(address), MINUTE));
      assertThat(message).doesNotContain("s3cret").doesNotContain("admin")
          .contains("(an address with user information, not shown)");
      assertThat(s.requests()).isEmpty();
    }
  }

  @Test
  void aFailedQueryEndsTheIntervalWithItsName() throws Exception {
    String badData = "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error\"}";
    try (FixedServer s = new FixedServer(FixedServer.Response.json(200, EMPTY),
        FixedServer.Response.json(400, badData))) {
      assertThat(failure(source(s).counts(Canaries.podinfo(null), MINUTE))).isEqualTo(
          "cannot count requests per version: failures query failed: error response: Status 400 Bad Request: "
          + "bad_data: parse error");
      assertThat(s.requests()).hasSize(2);
    }
  }

  @Test
  void malformedAnswersAreFailures() throws Exception {
    assertThat(answer(FixedServer.vector("1").replace("vector", "scalar")))
        .contains("resultType \"scalar\" (expected a vector)");
    assertThat(answer("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},"
        + "\"value\":[1,\"many\"]}]}}")).contains("sample value \"many\" is not a number");
    assertThat(answer("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{}}]}}"))
        .contains("a series has no value");
    assertThat(answer("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"value\":[1]}]}}"))
        .contains("is not a [time, \"value\"] pair");
    assertThat(answer("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[1,2]}}"))
        .contains("data.result holds something other than series");
    assertThat(answer(FixedServer.vector("1").substring(0, 40))).contains("response is not valid JSON");
    assertThat(answer("<html>login</html>")).contains("response is HTML or XML");
    assertThat(answer(FixedServer.vector("+Inf").replace("\"metric\":{}",
        "\"metric\":{\"destination_workload\":\"podinfo\"}")))
        .endsWith("returned Infinity for \"podinfo\" (a count must be a finite number >= 0)");
    assertThat(answer(FixedServer.vector("NaN").replace("\"metric\":{}",
        "\"metric\":{\"destination_workload\":\"podinfo\"}")))
        .isEqualTo("cannot count requests per version: the requests query returned NaN for \"podinfo\""
            + " (a count must be a finite number >= 0)");
    assertThat(answer(FixedServer.vector("-3").replace("\"metric\":{}",
        "\"metric\":{\"destination_workload\":\"podinfo\"}"))).contains("returned -3.0 for \"podinfo\"");
    assertThat(answer(FixedServer.vector("1").replace("\"1\"", "1"))).contains("is a JSON number");
  }

  private String answer(String body) throws Exception {
    try (FixedServer s = new FixedServer(FixedServer.Response.json(200, body))) {
      return failure(source(s).counts(Canaries.podinfo(null), MINUTE));
    }
  }

  @Test
  void anUnreachableServerIsAFailure() {
    Canary canary = Canaries.podinfo("http://127.0.0.1:1");
    String message = failure(PrometheusMetricSource.builder(URI.create("http://127.0.0.1:1")).client(client).build()
        .counts(canary, MINUTE));
    assertThat(message).startsWith("cannot count requests per version: requests query failed: request failed: "
        + "cannot connect to");
  }
}
