package dev.canarykit.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Outcome.MetricError;
import dev.canarykit.core.analysis.Outcome.MetricResult;
import io.github.resilience4j.core.IntervalFunction;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Answers no healthy Prometheus gives: each becomes a typed error value. */
class MalformedResponseTest {
  private final PrometheusClient client = PrometheusClient.builder().maxBodyBytes(4096)
      .resilience(ResilienceSettings.ofDefaults().withBackoff(IntervalFunction.of(1))).build();

  private String error(FixedServer.Response response) throws Exception {
    try (FixedServer s = new FixedServer(response)) {
      MetricResult r = client.instant(Endpoint.of(s.address()), "vector(1)", null);
      assertThat(r).isInstanceOf(MetricError.class);
      assertThat(((MetricError) r).setup()).isFalse();
      return ((MetricError) r).message();
    }
  }

  @Test
  void html() throws Exception {
    var page = new FixedServer.Response(200, "text/html",
        "<html><body>Grafana login</body></html>".getBytes(StandardCharsets.UTF_8));
    assertThat(error(page)).startsWith("response is HTML or XML, not Prometheus JSON (is the address right?): "
        + "<html><body>Grafana login");
  }

  @Test
  void notJsonTruncatedAndEmpty() throws Exception {
    assertThat(error(FixedServer.Response.json(200, "OK"))).startsWith("response is not valid JSON (");
    assertThat(error(FixedServer.Response.json(200, FixedServer.vector("1").substring(0, 50))))
        .startsWith("response is not valid JSON (Unexpected end-of-input");
    assertThat(error(new FixedServer.Response(200, "application/json", new byte[0])))
        .isEqualTo("empty response body (HTTP 200)");
  }

  @Test
  void hugeBodies() throws Exception {
    String huge = "{\"status\":\"success\",\"pad\":\"" + "x".repeat(5000) + "\"}";
    assertThat(error(FixedServer.Response.json(200, huge))).isEqualTo("response body exceeds 4096 bytes");
  }

  @Test
  void statusErrorCarriesErrorTypeAndMessage() throws Exception {
    assertThat(error(FixedServer.Response.json(200,
        "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out in expression evaluation\"}")))
        .isEqualTo("Prometheus error: timeout: query timed out in expression evaluation");
  }

  @Test
  void httpErrorsCarryTheStatusAndABoundedExcerpt() throws Exception {
    String message = error(FixedServer.Response.json(403, "denied\n" + "y".repeat(10_000)));
    assertThat(message).startsWith("error response: Status 403 Forbidden: denied yyy").endsWith(" ...");
    assertThat(message.length()).isLessThan(400);
  }

  @Test
  void wrongShapes() throws Exception {
    assertThat(error(FixedServer.Response.json(200, "[1,2]"))).startsWith("malformed response: response is not");
    assertThat(error(FixedServer.Response.json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
        + "\"result\":[{\"value\":[1,\"abc\"]}]}}"))).contains("sample value \"abc\" is not a number");
    assertThat(error(FixedServer.Response.json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
        + "\"result\":[{\"value\":[1]}]}}"))).contains("is not a [time, \"value\"] pair");
    assertThat(error(FixedServer.Response.json(200, "{\"status\":\"maybe\"}"))).contains("status is \"maybe\"");
  }

  @Test
  void onlyVectorsWithStringSamplesAreRead() throws Exception {
    assertThat(error(FixedServer.Response.json(200,
        "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1700000000,\"99\"]}}")))
        .isEqualTo("query returned a scalar; expected an instant vector (Flagger reads only vectors: wrap the"
            + " expression in vector(...))");
    assertThat(error(FixedServer.Response.json(200,
        "{\"status\":\"success\",\"data\":{\"resultType\":\"string\",\"result\":[1700000000,\"x\"]}}")))
        .startsWith("query returned a string; expected an instant vector");
    assertThat(error(FixedServer.Response.json(200, FixedServer.vector("99").replace("\"99\"", "99.5"))))
        .startsWith("malformed response: sample value 99.5 is a JSON number; Prometheus writes sample values as"
            + " strings");
  }
}
